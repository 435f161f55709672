import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import type { DocumentLine } from '../domain/document-line';
import { INVOICE_STATUSES } from '../../sales/domain/sales-vocabulary';

/** An invoice for a sales order; its payments live in its partition. */
export const InvoiceEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'invoice', version: '1', service: 'relasi' },
    attributes: {
      invoiceId: { type: 'string', required: true, readOnly: true },
      number: { type: 'string', required: true, readOnly: true },
      orderId: { type: 'string', required: true, readOnly: true },
      accountId: { type: 'string', required: true, readOnly: true },
      status: { type: INVOICE_STATUSES, required: true },
      currency: { type: 'string', required: true },
      lines: { type: CustomAttributeType<DocumentLine[]>('any'), required: true },
      subtotal: { type: 'number', required: true },
      taxTotal: { type: 'number', required: true },
      total: { type: 'number', required: true },
      amountDue: { type: 'number', required: true },
      /** YYYY-MM-DD. */
      dueDate: { type: 'string', required: true },
      issuedAt: { type: 'string', required: true },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['invoiceId'] },
        sk: { field: 'sk', composite: [] },
      },
      byAccount: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['accountId'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'invoiceId'] },
      },
      byCreated: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: [] },
        sk: { field: 'gsi2sk', composite: ['createdAt', 'invoiceId'] },
      },
      /** Sparse work queue: only issued (unpaid, not yet overdue) invoices, by due date. */
      issuedByDueDate: {
        index: 'gsi3',
        condition: (attr) => attr.status === 'issued',
        pk: { field: 'gsi3pk', composite: [] },
        sk: { field: 'gsi3sk', composite: ['dueDate', 'invoiceId'] },
      },
    },
  }),
);

export type InvoiceRow = EntityItem<ReturnType<typeof InvoiceEntity>>;
