import type { Quote, QuoteCreate, QuoteLineInput, QuotePatch } from '../schemas/quote.schema';
import type { DocumentLine } from '../domain/document-line';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import type { Locale } from '../../../platform/locale';
import { quotePolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, ConflictError, ValidationError, VersionConflictError } from '../../../platform/errors';
import { documentTotals } from '../domain/quote-totals';
import { priceBook } from '../domain/price-book';
import { formatMoney } from '../../../platform/money';
import type { QuoteStatus } from '../../sales/domain/sales-vocabulary';
import { canConfirmQuote } from '../domain/quote-status';
import { nowIso } from '../../../platform/clock';
import { config } from '../../../platform/config';
import { accountRepository } from '../../crm/db/account.repository';
import { companyProfileRepository } from '../db/company-profile.repository';
import { documentCounterRepository } from '../../../platform/db/document-counter.repository';
import { opportunityRepository } from '../../sales/db/opportunity.repository';
import { opportunityCloseOperations } from '../../sales/services/opportunity.service';
import type { OrderRow } from '../db/sales-order.entity';
import { orderRepository } from '../db/order.repository';
import { outboxRepository } from '../../../platform/mail/outbox.repository';
import type { CommerceMail } from '../domain/commerce-mails';
import { partyName } from '../../identity/db/party.repository';
import { productRepository } from '../db/product.repository';
import { priceListRepository } from '../db/price-list.repository';
import type { QuoteChanges, QuoteRow } from '../db/quote.entity';
import { quoteRepository } from '../db/quote.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { newId } from '../../../platform/db/keys';
import { isCancelled, op, transact } from '../../../platform/db/transaction';
import { toQuote } from './commerce-views';
import { isoDay, listDocuments, primaryRecipients, reachableDocument } from './sales-documents';
import { withAccountNames } from '../../crm/services/account-names';

type PageInput = { limit: number; cursor?: string };

/** A draft is the sales team's work in progress: customers see a quote once it is sent. */
const shownToCustomers = (quote: { status: QuoteStatus }) => quote.status !== 'draft';

const load = (actor: Actor, quoteId: string) => reachableDocument(actor, 'Quote', () => quoteRepository.get(quoteId), shownToCustomers);

/**
 * Lines as stored: product lines take description, unit price and tax from the product
 * unless given; totals per shared/modules/commerce/domain/quote-totals.ts.
 */
async function priceLines(inputs: QuoteLineInput[], currency: string, accountTags: string[]): Promise<{ lines: DocumentLine[]; subtotal: number; taxTotal: number; total: number }> {
  const productIds = [...new Set(inputs.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const [rows, book] = await Promise.all([productRepository.getMany(productIds), productIds.length > 0 ? priceListRepository.allOfCurrency(currency).then(priceBook) : undefined]);
  const products = new Map(rows.map((p) => [p.productId, p]));
  const resolved = inputs.map((input, index) => {
    const product = input.productId ? products.get(input.productId) : undefined;
    if (input.productId && !product) throw new BusinessRuleError('unknown_product', `Line ${index + 1}: no product ${input.productId}.`);
    if (product && !product.active) throw new BusinessRuleError('product_inactive', `Line ${index + 1}: ${product.name} is no longer sold.`);
    const listed = product && input.unitPrice === undefined ? book?.priceOf(product.productId, accountTags) : undefined;
    if (product && input.unitPrice === undefined && listed === undefined && product.currency !== currency) {
      throw new BusinessRuleError('currency_mismatch', `Line ${index + 1}: ${product.name} is priced in ${product.currency}; give a unitPrice in ${currency}.`);
    }
    return {
      ...(input.productId ? { productId: input.productId } : {}),
      description: input.description ?? product!.name,
      quantity: input.quantity,
      unitPrice: input.unitPrice ?? listed ?? product!.amount,
      discountPercent: input.discountPercent ?? 0,
      taxPercent: input.taxPercent ?? product?.taxPercent ?? 0,
    };
  });
  let totals;
  try {
    totals = documentTotals(resolved);
  } catch (error) {
    // RangeError: a value with more decimals than stored; anything else (amount_too_large) speaks for itself.
    if (!(error instanceof RangeError)) throw error;
    throw new ValidationError(error.message, undefined, 'invalid_line');
  }
  return { lines: resolved.map((line, i) => ({ ...line, total: totals.lines[i]!.total })), subtotal: totals.subtotal, taxTotal: totals.taxTotal, total: totals.total };
}

/** The opportunity a quote refers to must belong to the quote's account. */
async function checkOpportunity(opportunityId: string | undefined, accountId: string): Promise<void> {
  if (!opportunityId) return;
  const opportunity = await opportunityRepository.get(opportunityId);
  if (!opportunity || opportunity.accountId !== accountId) throw new BusinessRuleError('unknown_opportunity', 'The opportunity does not exist or belongs to another account.');
}

async function read(quoteId: string): Promise<Quote> {
  return toQuote((await quoteRepository.get(quoteId))!);
}

export const quoteService = {
  async list(actor: Actor, page: PageInput, accountId?: string): Promise<Page<Quote>> {
    return mapPage(await listDocuments(actor, 'quotes', quoteRepository, page, accountId, shownToCustomers), toQuote);
  },

  async get(actor: Actor, quoteId: string): Promise<Quote> {
    const [named] = await withAccountNames([toQuote(await load(actor, quoteId))]);
    return named!;
  },

  /** A draft quote with a number from the counter. */
  async create(actor: Actor, input: QuoteCreate): Promise<Quote> {
    enforce(quotePolicy.write(actor), 'Quote');
    const account = await accountRepository.get(input.accountId);
    if (!account) throw new BusinessRuleError('unknown_account', 'The account does not exist.');
    await checkOpportunity(input.opportunityId, input.accountId);
    const priced = await priceLines(input.lines, input.currency, account.tags);
    const at = nowIso();
    const row: QuoteRow = {
      quoteId: newId(),
      number: await documentCounterRepository.next('quote'),
      accountId: input.accountId,
      ...(input.opportunityId ? { opportunityId: input.opportunityId } : {}),
      status: 'draft',
      currency: input.currency,
      ...priced,
      ...(input.validUntil ? { validUntil: input.validUntil } : {}),
      createdBy: actor.userId,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await transact([
      op.put(quoteRepository.createOperation(row)),
      timelineRepository.addOperation({ accountId: row.accountId, type: 'quote', recordId: row.quoteId, title: `Quote ${row.number} created`, summary: formatMoney(row.total, row.currency), actorId: actor.userId }),
    ]);
    return toQuote(row);
  },

  /** Edit a quote: lines and currency while draft; validity until sent; cancel until confirmed. */
  async update(actor: Actor, quoteId: string, version: number, patch: QuotePatch): Promise<Quote> {
    const quote = await load(actor, quoteId);
    enforce(quotePolicy.write(actor, quote.accountId), 'Quote');
    if (quote.version !== version) throw new VersionConflictError(quote.version);
    const editsContent = patch.lines !== undefined || patch.currency !== undefined;
    if (editsContent && quote.status !== 'draft') throw new BusinessRuleError('quote_not_editable', 'Only a draft quote can change its lines or currency.');
    if (patch.validUntil !== undefined && !['draft', 'sent'].includes(quote.status)) throw new BusinessRuleError('quote_not_editable', 'The validity of an accepted quote cannot change.');
    if (patch.status === 'cancelled' && ['confirmed', 'cancelled'].includes(quote.status)) throw new BusinessRuleError('quote_not_cancellable', `A ${quote.status} quote cannot be cancelled.`);
    const currency = patch.currency ?? quote.currency;
    let changes: QuoteChanges = {};
    if (editsContent) {
      const account = await accountRepository.get(quote.accountId);
      changes = { currency, ...(await priceLines(patch.lines ?? quote.lines, currency, account?.tags ?? [])) };
    }
    if (patch.validUntil) changes.validUntil = patch.validUntil;
    if (patch.status) changes.status = patch.status;
    const remove: (keyof QuoteChanges)[] = patch.validUntil === null ? ['validUntil'] : [];
    const items = [op.update(quoteRepository.changeOperation(quoteId, version, quote.status, changes, remove))];
    if (patch.status === 'cancelled') items.push(timelineRepository.addOperation({ accountId: quote.accountId, type: 'quote', recordId: quoteId, title: `Quote ${quote.number} cancelled`, summary: formatMoney(quote.total, quote.currency), actorId: actor.userId }));
    try {
      await transact(items);
    } catch (error) {
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return read(quoteId);
  },

  /** Mark the quote sent and e-mail the account's primary contacts its number, total, PDF and a link to the customer portal. */
  async send(actor: Actor, quoteId: string): Promise<Quote> {
    const quote = await load(actor, quoteId);
    enforce(quotePolicy.write(actor, quote.accountId), 'Quote');
    if (quote.status !== 'draft' && quote.status !== 'sent') throw new BusinessRuleError('quote_not_sendable', `A ${quote.status} quote cannot be sent.`);
    if (quote.lines.length === 0) throw new BusinessRuleError('quote_empty', 'Add at least one line before sending the quote.');
    const recipients = await primaryRecipients(actor, quote.accountId);
    if (recipients.length === 0) throw new BusinessRuleError('no_primary_contact', 'The account has no primary contact with an e-mail address.');
    const company = (await companyProfileRepository.get())?.content.name ?? 'Relasi';
    const url = `${config().portalUrls.customer}/quote/?id=${encodeURIComponent(quoteId)}`;
    const at = nowIso();
    try {
      await transact([
        op.update(quoteRepository.changeOperation(quoteId, quote.version, quote.status, { status: 'sent', sentAt: at })),
        ...recipients.map((party) => {
          const locale = party.locale ?? 'id';
          const params = { name: partyName(party), url, company, number: quote.number, amount: formatMoney(quote.total, quote.currency, locale), documentId: quoteId };
          return op.put(outboxRepository.mailOperation(party.email!, 'quote_sent' satisfies CommerceMail, locale, params));
        }),
        timelineRepository.addOperation({ accountId: quote.accountId, type: 'quote', recordId: quoteId, title: `Quote ${quote.number} sent`, summary: `To ${recipients.map((p) => p.email).join(', ')}`, channel: 'email', actorId: actor.userId }),
      ]);
    } catch (error) {
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return read(quoteId);
  },

  /** The customer accepts a sent quote online. */
  async accept(actor: Actor, quoteId: string): Promise<Quote> {
    const quote = await load(actor, quoteId);
    enforce(quotePolicy.accept(actor, quote.accountId), 'Quote');
    if (quote.status === 'accepted' || quote.status === 'confirmed') throw new ConflictError('quote_already_accepted', 'The quote is accepted already.');
    if (quote.status !== 'sent') throw new BusinessRuleError('quote_not_acceptable', `A ${quote.status} quote cannot be accepted.`);
    if (quote.validUntil && quote.validUntil < isoDay()) throw new BusinessRuleError('quote_expired', 'The quote is no longer valid.');
    try {
      await transact([
        op.update(quoteRepository.changeOperation(quoteId, quote.version, 'sent', { status: 'accepted', acceptedAt: nowIso() })),
        timelineRepository.addOperation({ accountId: quote.accountId, type: 'quote', recordId: quoteId, title: `Quote ${quote.number} accepted`, summary: formatMoney(quote.total, quote.currency), channel: 'portal', actorId: actor.userId }),
      ]);
    } catch (error) {
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return read(quoteId);
  },

  /**
   * Confirm the sale of a draft, sent or accepted quote (sending is optional): ONE transaction
   * creates the order, marks the quote confirmed on the condition that it is still in the
   * version read, and wins the opportunity. Of two concurrent confirms exactly one commits;
   * the other answers 409 quote_already_confirmed.
   */
  async confirm(actor: Actor, quoteId: string): Promise<{ orderId: string }> {
    const quote = await load(actor, quoteId);
    enforce(quotePolicy.write(actor, quote.accountId), 'Quote');
    const alreadyConfirmed = () => new ConflictError('quote_already_confirmed', 'The quote is confirmed already.');
    if (quote.status === 'confirmed') throw alreadyConfirmed();
    if (!canConfirmQuote(quote.status)) throw new BusinessRuleError('quote_not_confirmable', `A ${quote.status} quote cannot be confirmed.`);
    if (quote.lines.length === 0) throw new BusinessRuleError('quote_empty', 'Add at least one line before confirming the quote.');
    const opportunity = quote.opportunityId ? await opportunityRepository.get(quote.opportunityId) : undefined;
    // Winning goes through the pipeline's own close: board totals, stage history and timeline follow.
    const won = opportunity?.status === 'open' ? await opportunityCloseOperations(opportunity, 'won', actor.userId) : undefined;
    const at = nowIso();
    const order: OrderRow = {
      orderId: newId(),
      number: await documentCounterRepository.next('order'),
      quoteId,
      accountId: quote.accountId,
      ...(quote.opportunityId ? { opportunityId: quote.opportunityId } : {}),
      status: 'confirmed',
      currency: quote.currency,
      lines: quote.lines,
      subtotal: quote.subtotal,
      taxTotal: quote.taxTotal,
      total: quote.total,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await transact([
        op.update(quoteRepository.changeOperation(quoteId, quote.version, quote.status, { status: 'confirmed', orderId: order.orderId })),
        op.put(orderRepository.createOperation(order)),
        timelineRepository.addOperation({ accountId: quote.accountId, type: 'quote', recordId: quoteId, title: `Quote ${quote.number} confirmed`, summary: `Sales order ${order.number}`, actorId: actor.userId }),
        timelineRepository.addOperation({ accountId: quote.accountId, type: 'order', recordId: order.orderId, title: `Sales order ${order.number} created`, summary: formatMoney(order.total, order.currency), actorId: actor.userId }),
        ...(won?.items ?? []),
      ]);
    } catch (error) {
      if (!isCancelled(error)) throw error;
      const now = await quoteRepository.get(quoteId);
      if (now?.status === 'confirmed') throw alreadyConfirmed();
      throw new VersionConflictError(now?.version);
    }
    return { orderId: order.orderId };
  },

  /** The quote as a PDF with the company's details, in the reader's language. */
  async pdf(actor: Actor, quoteId: string, locale: Locale): Promise<{ bytes: Uint8Array; filename: string }> {
    const quote = await load(actor, quoteId);
    const { quotePdf } = await import('./pdf/document-view');
    return { bytes: await quotePdf(quote, locale), filename: `${quote.number}.pdf` };
  },
};
