import type { Invoice, Payment } from '../schemas/invoice.schema';
import type { DocumentLine } from '../schemas/quote.schema';
import type { Page } from '../../../platform/page';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { InvoiceEntity } from './invoice.entity';
import { PaymentEntity } from './payment.entity';

export type InvoiceRow = Omit<Invoice, 'id' | 'payments'> & { invoiceId: string };
type PaymentRow = { invoiceId: string; paymentId: string; amount: number; paidAt: string; recordedBy?: string };

export function toInvoice({ invoiceId, ...rest }: InvoiceRow): Invoice {
  return { ...rest, id: invoiceId, lines: rest.lines as DocumentLine[] };
}

export const invoiceRepository = {
  createOperation(row: InvoiceRow) {
    return InvoiceEntity().create(row).params();
  },

  async get(invoiceId: string): Promise<InvoiceRow | undefined> {
    const { data } = await InvoiceEntity().get({ invoiceId }).go();
    return (data as InvoiceRow | null) ?? undefined;
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
  async payments(invoiceId: string): Promise<Payment[]> {
    const { data } = await PaymentEntity().query.byInvoice({ invoiceId }).go({ pages: 'all' });
    return (data as PaymentRow[]).map((p) => ({ id: p.paymentId, amount: p.amount, paidAt: p.paidAt, recordedBy: p.recordedBy }));
  },

  /** Issued invoices due before `date` (YYYY-MM-DD): the overdue work queue, a keyed Query on the sparse index. */
  async issuedDueBefore(date: string, limit = 100): Promise<InvoiceRow[]> {
    const { data } = await InvoiceEntity().query.issuedByDueDate({}).lt({ dueDate: date }).go({ limit });
    return data as InvoiceRow[];
  },

  byAccount(accountId: string, request: PageRequest): Promise<Page<Invoice>> {
    return queryPage(request, (options) => InvoiceEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => toInvoice(row as InvoiceRow));
  },

  all(request: PageRequest): Promise<Page<Invoice>> {
    return queryPage(request, (options) => InvoiceEntity().query.byCreated({}).go({ ...options, order: 'desc' }), (row) => toInvoice(row as InvoiceRow));
  },
};
