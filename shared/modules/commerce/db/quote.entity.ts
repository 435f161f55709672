import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { QUOTE_STATUSES } from '../../sales/domain/sales-vocabulary';

/** A quotation; its lines live inside the item, so the editor reads and writes one record. */
export const QuoteEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'quote', version: '1', service: 'relasi' },
    attributes: {
      quoteId: { type: 'string', required: true, readOnly: true },
      number: { type: 'string', required: true, readOnly: true },
      accountId: { type: 'string', required: true, readOnly: true },
      opportunityId: { type: 'string' },
      status: { type: QUOTE_STATUSES, required: true },
      currency: { type: 'string', required: true },
      /** DocumentLine[] (shared/modules/commerce/schemas/quote.schema.ts). */
      lines: { type: 'any', required: true },
      subtotal: { type: 'number', required: true },
      taxTotal: { type: 'number', required: true },
      total: { type: 'number', required: true },
      validUntil: { type: 'string' },
      orderId: { type: 'string' },
      sentAt: { type: 'string' },
      acceptedAt: { type: 'string' },
      createdBy: { type: 'string' },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['quoteId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** An account's quotes, newest last: what a customer's list is built from. */
      byAccount: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['accountId'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'quoteId'] },
      },
      /** Every quote by creation time: the staff list. */
      byCreated: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: [] },
        sk: { field: 'gsi2sk', composite: ['createdAt', 'quoteId'] },
      },
    },
  }),
);
