import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/** The company's public profile (one item): overview, vision and mission in both languages. */
export const CompanyProfileEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'companyProfile', version: '1', service: 'relasi' },
    attributes: {
      profileId: { type: 'string', required: true, readOnly: true, default: 'company' },
      content: { type: 'any', required: true },
      version: { type: 'number', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['profileId'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
