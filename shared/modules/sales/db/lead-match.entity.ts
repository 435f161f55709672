import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * A duplicate-detection marker: one item per lead and match key (e-mail, company domain,
 * normalised company name). Leads sharing a key share a partition, so finding a lead's
 * possible duplicates is one Query per key.
 */
export const LeadMatchEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'leadMatch', version: '1', service: 'relasi' },
    attributes: {
      matchKey: { type: 'string', required: true, readOnly: true },
      leadId: { type: 'string', required: true, readOnly: true },
      title: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
    },
    indexes: {
      byKey: {
        pk: { field: 'pk', composite: ['matchKey'] },
        sk: { field: 'sk', composite: ['leadId'] },
      },
    },
  }),
);
