import { documentsEn } from './documents-en';

/**
 * English texts of the customer portal's quotes, orders and invoices, after the documents' shared
 * ones. Only those pages load them (through `translator`), so they add nothing to the other pages.
 * `{name}` marks a parameter.
 */
export const customerCommerceEn = {
  ...documentsEn,
  'home.intro': 'This is your self-service portal: your quotes, orders and invoices with us, always up to date.',

  'quotes.intro': 'The quotes we have sent you. Open one to read it, download it as PDF or accept it.',
  'quotes.empty': 'You have no quotes yet.',
  'quotes.all': 'All quotes',
  'quote.title': 'Quote',
  'quote.heading': 'Quote {number}',
  'quote.awaiting': 'This quote awaits your acceptance.',
  'quote.expired': 'This quote is no longer valid. Ask us for a new one.',
  'quote.accept': 'Accept quote',
  'quote.acceptTitle': 'Accept quote {number}',
  'quote.acceptText': 'Accept quote {number} for {total}? We confirm your order once you have accepted.',
  'quote.accepted': 'You accepted the quote. We will confirm your order shortly.',
  'quote.acceptedAt': 'Accepted on',

  'orders.intro': 'Your orders and how far each one has come.',
  'orders.empty': 'You have no orders yet.',
  'orders.all': 'All orders',
  'order.title': 'Order',
  'order.heading': 'Order {number}',
  'order.progress': 'Progress',
  'order.stepDone': 'done',
  'order.stepCurrent': 'current step',
  'order.stepNext': 'to come',
  'order.cancelled': 'This order was cancelled.',

  'invoices.intro': 'Your invoices: what is due and when. Download any of them as PDF.',
  'invoices.empty': 'You have no invoices yet.',
  'invoices.all': 'All invoices',
  'invoice.title': 'Invoice',
  'invoice.heading': 'Invoice {number}',
  'invoice.payBy': 'Please pay {amount} by {date}.',
  'invoice.overdue': '{amount} was due on {date}. Please pay as soon as possible.',
  'invoice.paid': 'Paid in full. Thank you.',

  'document.date': 'Date',
  'document.summary': 'Summary',
  'document.issuedAt': 'Issued on',
  'document.quote': 'Quote',
  'document.order': 'Order',
  'document.invoice': 'Invoice',
  'document.viewQuote': 'View the quote',
  'document.viewOrder': 'View the order',
  'document.viewInvoice': 'View the invoice',

  'error.quote_already_accepted': 'This quote is accepted already.',
  'error.quote_not_acceptable': 'This quote can no longer be accepted.',
  'error.quote_expired': 'This quote is no longer valid. Ask us for a new one.',
} as const;

export type CustomerCommerceKey = keyof typeof customerCommerceEn;
