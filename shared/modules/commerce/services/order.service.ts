import type { Order } from '../schemas/order.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import type { OrderStatus } from '../../sales/domain/sales-vocabulary';
import { quotePolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, ConflictError, VersionConflictError } from '../../../platform/errors';
import { canMoveOrder } from '../domain/order-status';
import { formatMoney } from '../../../platform/money';
import { nowIso } from '../../../platform/clock';
import { documentCounterRepository } from '../../../platform/db/document-counter.repository';
import type { InvoiceRow } from '../db/invoice.entity';
import { invoiceRepository } from '../db/invoice.repository';
import { orderRepository } from '../db/order.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { newId } from '../../../platform/db/keys';
import { isCancelled, op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { toOrder } from './commerce-views';
import { isoDay, listDocuments, primaryRecipients, reachableDocument } from './sales-documents';
import { withAccountNames } from '../../crm/services/account-names';
import { invoicePayment } from './company.service';
import { calendarDay } from '../domain/document-dates';
import type { CommerceMail } from '../domain/commerce-mails';
import { outboxRepository } from '../../../platform/mail/outbox.repository';
import { config } from '../../../platform/config';
import { companyProfileRepository } from '../db/company-profile.repository';
import { partyName } from '../../identity/db/party.repository';

type PageInput = { limit: number; cursor?: string };

/** Days between issuing an invoice and its due date. */
export const PAYMENT_TERM_DAYS = 30;

/** The outbox puts of an invoice's mail to each primary contact of its account, in their language; none when nobody has an address. */
async function invoiceMails(actor: Actor, invoice: InvoiceRow) {
  const [recipients, profile, payment] = await Promise.all([primaryRecipients(actor, invoice.accountId), companyProfileRepository.get(), invoicePayment(invoice.number)]);
  const company = profile?.content.name ?? 'Relasi';
  const url = `${config().portalUrls.customer}/invoice/?id=${encodeURIComponent(invoice.invoiceId)}`;
  const bank = payment ? { bankName: payment.bankName, accountNumber: payment.accountNumber, accountHolder: payment.accountHolder } : {};
  return recipients.map((party) => {
    const locale = party.locale ?? 'id';
    const params = { name: partyName(party), url, company, number: invoice.number, amount: formatMoney(invoice.total, invoice.currency, locale), dueDate: calendarDay(invoice.dueDate, locale), documentId: invoice.invoiceId, ...bank };
    return op.put(outboxRepository.mailOperation(party.email!, 'invoice_issued' satisfies CommerceMail, locale, params));
  });
}

const load = (actor: Actor, orderId: string) => reachableDocument(actor, 'Order', () => orderRepository.get(orderId));

export const orderService = {
  async list(actor: Actor, page: PageInput, accountId?: string): Promise<Page<Order>> {
    return mapPage(await listDocuments(actor, 'orders', orderRepository, page, accountId), toOrder);
  },

  async get(actor: Actor, orderId: string): Promise<Order> {
    const [named] = await withAccountNames([toOrder(await load(actor, orderId))]);
    return named!;
  },

  /** Move the order along its statuses (see ORDER_TRANSITIONS). */
  async setStatus(actor: Actor, orderId: string, version: number, status: OrderStatus): Promise<Order> {
    const order = await load(actor, orderId);
    enforce(quotePolicy.write(actor, order.accountId), 'Order');
    if (order.version !== version) throw new VersionConflictError(order.version);
    if (order.status === status) return toOrder(order);
    if (!canMoveOrder(order.status, status)) throw new BusinessRuleError('invalid_status_transition', `An order cannot go from ${order.status} to ${status}.`);
    try {
      await transact([
        op.update(orderRepository.changeOperation(orderId, version, { status })),
        timelineRepository.addOperation({ accountId: order.accountId, type: 'order', recordId: orderId, title: `Sales order ${order.number} ${status.replace('_', ' ')}`, summary: `${order.status} → ${status}`, actorId: actor.userId }),
      ]);
    } catch (error) {
      if (error instanceof TransactionConflict) throw new VersionConflictError();
      throw error;
    }
    return toOrder((await orderRepository.get(orderId))!);
  },

  /**
   * Issue the order's one invoice (due in 30 days unless `dueDate` is given). The invoice,
   * the order's link to it and the mails to the account's primary contacts (with the PDF and
   * the payment instructions) are one transaction, so a second call answers 409 and mails no one.
   */
  async invoice(actor: Actor, orderId: string, options: { dueDate?: string } = {}): Promise<{ invoiceId: string }> {
    const order = await load(actor, orderId);
    enforce(quotePolicy.write(actor, order.accountId), 'Order');
    const alreadyInvoiced = () => new ConflictError('order_already_invoiced', 'The order has an invoice already.');
    if (order.invoiceId) throw alreadyInvoiced();
    if (order.status === 'cancelled') throw new BusinessRuleError('order_cancelled', 'A cancelled order cannot be invoiced.');
    const at = nowIso();
    const invoice: InvoiceRow = {
      invoiceId: newId(),
      number: await documentCounterRepository.next('invoice'),
      orderId,
      accountId: order.accountId,
      status: 'issued',
      currency: order.currency,
      lines: order.lines,
      subtotal: order.subtotal,
      taxTotal: order.taxTotal,
      total: order.total,
      amountDue: order.total,
      dueDate: options.dueDate ?? isoDay(PAYMENT_TERM_DAYS),
      issuedAt: at,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const mails = await invoiceMails(actor, invoice);
    try {
      await transact([
        ...mails,
        op.update(orderRepository.attachInvoiceOperation(orderId, invoice.invoiceId)),
        op.put(invoiceRepository.createOperation(invoice)),
        timelineRepository.addOperation({ accountId: order.accountId, type: 'invoice', recordId: invoice.invoiceId, title: `Invoice ${invoice.number} issued`, summary: `${formatMoney(invoice.total, invoice.currency)}, due ${invoice.dueDate}`, actorId: actor.userId }),
      ]);
    } catch (error) {
      if (isCancelled(error)) throw alreadyInvoiced();
      throw error;
    }
    return { invoiceId: invoice.invoiceId };
  },
};
