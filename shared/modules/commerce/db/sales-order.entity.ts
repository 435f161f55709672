import { CustomAttributeType, Entity, type EntityItem, type UpdateEntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import type { DocumentLine } from '../domain/document-line';
import { ORDER_STATUSES } from '../../sales/domain/sales-vocabulary';

/** A sales order, created from a confirmed quote with a copy of its lines. */
export const SalesOrderEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'salesOrder', version: '1', service: 'relasi' },
    attributes: {
      orderId: { type: 'string', required: true, readOnly: true },
      number: { type: 'string', required: true, readOnly: true },
      quoteId: { type: 'string', required: true, readOnly: true },
      accountId: { type: 'string', required: true, readOnly: true },
      opportunityId: { type: 'string' },
      status: { type: ORDER_STATUSES, required: true },
      currency: { type: 'string', required: true },
      lines: { type: CustomAttributeType<DocumentLine[]>('any'), required: true },
      subtotal: { type: 'number', required: true },
      taxTotal: { type: 'number', required: true },
      total: { type: 'number', required: true },
      /** Set once, in the transaction that creates the order's invoice. */
      invoiceId: { type: 'string' },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['orderId'] },
        sk: { field: 'sk', composite: [] },
      },
      byAccount: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['accountId'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'orderId'] },
      },
      byCreated: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: [] },
        sk: { field: 'gsi2sk', composite: ['createdAt', 'orderId'] },
      },
    },
  }),
);

export type OrderRow = EntityItem<ReturnType<typeof SalesOrderEntity>>;
/** What a change may set: no key and no read-only attribute. */
export type OrderChanges = UpdateEntityItem<ReturnType<typeof SalesOrderEntity>>;
