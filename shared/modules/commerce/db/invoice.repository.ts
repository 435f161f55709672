import type { Page } from '../../../platform/page';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { InvoiceEntity, type InvoiceRow } from './invoice.entity';
import { PaymentEntity, type PaymentRow } from './payment.entity';

export const invoiceRepository = {
  createOperation(row: InvoiceRow) {
    return InvoiceEntity().create(row).params();
  },

  async get(invoiceId: string): Promise<InvoiceRow | undefined> {
    const { data } = await InvoiceEntity().get({ invoiceId }).go();
    return data ?? undefined;
  },

  /**
   * Store `next` in place of the invoice only if it is still at `expectedVersion`. A whole
   * put, so the sparse due-date index follows the status (present only while issued).
   */
  replaceOperation(next: InvoiceRow, expectedVersion: number) {
    return InvoiceEntity().put(next).where((attr, { eq }) => eq(attr.version, expectedVersion)).params();
  },

  paymentOperation(payment: PaymentRow) {
    return PaymentEntity().create(payment).params();
  },

  /** The payments of an invoice, oldest first (same partition as the invoice). */
  async payments(invoiceId: string): Promise<PaymentRow[]> {
    const { data } = await PaymentEntity().query.byInvoice({ invoiceId }).go({ pages: 'all' });
    return data;
  },

  /** Issued invoices due before `date` (YYYY-MM-DD): the overdue work queue, a keyed Query on the sparse index. */
  async issuedDueBefore(date: string, limit = 100): Promise<InvoiceRow[]> {
    const { data } = await InvoiceEntity().query.issuedByDueDate({}).lt({ dueDate: date }).go({ limit });
    return data;
  },

  byAccount(accountId: string, request: PageRequest): Promise<Page<InvoiceRow>> {
    return queryPage(request, (options) => InvoiceEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => row);
  },

  all(request: PageRequest): Promise<Page<InvoiceRow>> {
    return queryPage(request, (options) => InvoiceEntity().query.byCreated({}).go({ ...options, order: 'desc' }), (row) => row);
  },
};
