import type { QuoteStatus } from '../../sales/domain/sales-vocabulary';

/**
 * The statuses "Confirm Sale" turns into a sales order. Sending the quote to the customer is
 * optional, as in Odoo: a draft confirms straight away, so an account without a contact to
 * e-mail can still buy.
 */
export const CONFIRMABLE_QUOTE_STATUSES: readonly QuoteStatus[] = ['draft', 'sent', 'accepted'];

/** Whether a quote in this status can be confirmed into a sales order. */
export function canConfirmQuote(status: QuoteStatus): boolean {
  return CONFIRMABLE_QUOTE_STATUSES.includes(status);
}
