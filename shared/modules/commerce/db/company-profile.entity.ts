import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import type { CompanyProfileContent, PaymentInstructions } from '../domain/company-profile';

/** The company's public profile (one item): overview, vision and mission in both languages; and, for staff and invoices only, how customers pay. */
export const CompanyProfileEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'companyProfile', version: '1', service: 'relasi' },
    attributes: {
      profileId: { type: 'string', required: true, readOnly: true, default: 'company' },
      content: { type: CustomAttributeType<CompanyProfileContent>('any'), required: true },
      /** Never part of the public profile: the invoice PDF, mail and pages show it. */
      payment: { type: CustomAttributeType<PaymentInstructions>('any') },
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

export type CompanyProfileRow = EntityItem<ReturnType<typeof CompanyProfileEntity>>;
