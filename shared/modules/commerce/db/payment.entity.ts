import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/** A payment received against an invoice, stored in the invoice's partition. */
export const PaymentEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'payment', version: '1', service: 'relasi' },
    attributes: {
      invoiceId: { type: 'string', required: true, readOnly: true },
      paymentId: { type: 'string', required: true, readOnly: true },
      amount: { type: 'number', required: true },
      paidAt: { type: 'string', required: true },
      recordedBy: { type: 'string' },
    },
    indexes: {
      byInvoice: {
        pk: { field: 'pk', composite: ['invoiceId'] },
        sk: { field: 'sk', composite: ['paidAt', 'paymentId'] },
      },
    },
  }),
);

export type PaymentRow = EntityItem<ReturnType<typeof PaymentEntity>>;
