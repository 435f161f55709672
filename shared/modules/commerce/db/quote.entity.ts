import { CustomAttributeType, Entity, type EntityItem, type UpdateEntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { RECORD_ATTRIBUTES } from '../../../platform/db/record-attributes';
import type { DocumentLine } from '../domain/document-line';
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
      lines: { type: CustomAttributeType<DocumentLine[]>('any'), required: true },
      subtotal: { type: 'number', required: true },
      taxTotal: { type: 'number', required: true },
      total: { type: 'number', required: true },
      validUntil: { type: 'string' },
      orderId: { type: 'string' },
      sentAt: { type: 'string' },
      acceptedAt: { type: 'string' },
      createdBy: { type: 'string' },
      ...RECORD_ATTRIBUTES,
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

export type QuoteRow = EntityItem<ReturnType<typeof QuoteEntity>>;
/** What a change may set: no key and no read-only attribute. */
export type QuoteChanges = UpdateEntityItem<ReturnType<typeof QuoteEntity>>;
