import type { Invoice } from '../schemas/invoice.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import type { Locale } from '../../../platform/locale';
import { quotePolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, VersionConflictError } from '../../../platform/errors';
import { formatMoney } from '../../../platform/money';
import { nowIso } from '../../../platform/clock';
import type { InvoiceRow } from '../db/invoice.entity';
import { invoiceRepository } from '../db/invoice.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { newId } from '../../../platform/db/keys';
import { isCancelled, op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { toInvoice, toPayment } from './commerce-views';
import { isoDay, listDocuments, reachableDocument } from './sales-documents';
import { withAccountNames } from '../../crm/services/account-names';
import { invoicePayment } from './company.service';

type PageInput = { limit: number; cursor?: string };

const load = (actor: Actor, invoiceId: string) => reachableDocument(actor, 'Invoice', () => invoiceRepository.get(invoiceId));

export const invoiceService = {
  async list(actor: Actor, page: PageInput, accountId?: string): Promise<Page<Invoice>> {
    return mapPage(await listDocuments(actor, 'invoices', invoiceRepository, page, accountId), toInvoice);
  },

  /** One invoice with its payments and, when the company has set them, the payment instructions. */
  async get(actor: Actor, invoiceId: string): Promise<Invoice> {
    const row = await load(actor, invoiceId);
    const [payments, paymentInstructions, [named]] = await Promise.all([invoiceRepository.payments(invoiceId), invoicePayment(row.number), withAccountNames([toInvoice(row)])]);
    return { ...named!, payments: payments.map(toPayment), ...(paymentInstructions ? { paymentInstructions } : {}) };
  },

  /** Record a payment (partial too): lowers amountDue; the invoice is paid at 0; more than is due is refused. */
  async recordPayment(actor: Actor, invoiceId: string, amount: number): Promise<Invoice> {
    const invoice = await load(actor, invoiceId);
    enforce(quotePolicy.write(actor, invoice.accountId), 'Invoice');
    if (invoice.status !== 'issued' && invoice.status !== 'overdue') throw new BusinessRuleError('invoice_not_payable', `A ${invoice.status} invoice takes no payments.`);
    if (amount > invoice.amountDue) throw new BusinessRuleError('payment_exceeds_amount_due', `The payment is more than the ${formatMoney(invoice.amountDue, invoice.currency)} due.`);
    const amountDue = invoice.amountDue - amount;
    const at = nowIso();
    const next: InvoiceRow = { ...invoice, amountDue, status: amountDue === 0 ? 'paid' : invoice.status, version: invoice.version + 1, updatedAt: at };
    try {
      await transact([
        op.put(invoiceRepository.replaceOperation(next, invoice.version)),
        op.put(invoiceRepository.paymentOperation({ invoiceId, paymentId: newId(), amount, paidAt: at, recordedBy: actor.userId })),
        timelineRepository.addOperation({
          accountId: invoice.accountId,
          type: 'payment',
          recordId: invoiceId,
          title: `Payment for invoice ${invoice.number}`,
          summary: `${formatMoney(amount, invoice.currency)} received; ${amountDue === 0 ? 'paid in full' : `${formatMoney(amountDue, invoice.currency)} still due`}`,
          actorId: actor.userId,
        }),
      ]);
    } catch (error) {
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return this.get(actor, invoiceId);
  },

  /** The invoice as a PDF with the company's details, in the reader's language. */
  async pdf(actor: Actor, invoiceId: string, locale: Locale): Promise<{ bytes: Uint8Array; filename: string }> {
    const invoice = await load(actor, invoiceId);
    const { invoicePdf } = await import('./pdf/document-view');
    return { bytes: await invoicePdf(invoice, locale), filename: `${invoice.number}.pdf` };
  },

  /**
   * Mark issued invoices whose due date has passed as overdue (the schedule function).
   * Reads the sparse due-date index, a keyed Query; each change is conditional on the
   * version read, so a payment racing the sweep is never overwritten.
   */
  async markOverdue(today: string = isoDay()): Promise<{ marked: number }> {
    let marked = 0;
    for (let round = 0; round < 100; round++) {
      const due = await invoiceRepository.issuedDueBefore(today, 100);
      if (due.length === 0) break;
      let progressed = false;
      for (const invoice of due) {
        const next: InvoiceRow = { ...invoice, status: 'overdue', version: invoice.version + 1, updatedAt: nowIso() };
        try {
          await transact([
            op.put(invoiceRepository.replaceOperation(next, invoice.version)),
            timelineRepository.addOperation({ accountId: invoice.accountId, type: 'invoice', recordId: invoice.invoiceId, title: `Invoice ${invoice.number} overdue`, summary: `${formatMoney(invoice.amountDue, invoice.currency)} was due ${invoice.dueDate}` }),
          ]);
          marked++;
          progressed = true;
        } catch (error) {
          if (!(error instanceof TransactionConflict)) throw error;
        }
      }
      if (!progressed) break;
    }
    return { marked };
  },
};
