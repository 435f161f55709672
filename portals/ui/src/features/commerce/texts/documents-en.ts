/**
 * English texts of the sales documents (quotes, orders, invoices) that the staff and the customer
 * portals share: statuses, fields, lines, totals, payments and the PDF link. Each portal's own
 * commerce catalogue adds its texts to these; `{name}` marks a parameter.
 */
export const documentsEn = {
  'quoteStatus.draft': 'Draft',
  'quoteStatus.sent': 'Sent',
  'quoteStatus.accepted': 'Accepted',
  'quoteStatus.confirmed': 'Confirmed',
  'quoteStatus.cancelled': 'Cancelled',
  'orderStatus.confirmed': 'Confirmed',
  'orderStatus.in_progress': 'In progress',
  'orderStatus.shipped': 'Shipped',
  'orderStatus.delivered': 'Delivered',
  'orderStatus.cancelled': 'Cancelled',
  'invoiceStatus.issued': 'Issued',
  'invoiceStatus.paid': 'Paid',
  'invoiceStatus.overdue': 'Overdue',
  'invoiceStatus.cancelled': 'Cancelled',

  'doc.number': 'Number',
  'doc.status': 'Status',
  'doc.subtotal': 'Subtotal',
  'doc.taxTotal': 'Tax',
  'doc.total': 'Total',
  'doc.totals': 'Totals',
  'doc.lines': 'Lines',
  'doc.noLines': 'No lines.',
  'doc.downloadPdf': 'Download PDF',
  'doc.downloadPdfOf': 'Download {number} as PDF',

  'line.number': '#',
  'line.description': 'Description',
  'line.quantity': 'Quantity',
  'line.unitPrice': 'Unit price',
  'line.discount': 'Discount %',
  'line.tax': 'Tax %',
  'line.total': 'Line total',

  'quote.validUntil': 'Valid until',
  'invoice.amountDue': 'Amount due',
  'invoice.dueDate': 'Due date',
  'invoice.payments': 'Payments',
  'invoice.noPayments': 'No payments yet.',
  'invoice.paidAt': 'Received',
  'invoice.amount': 'Amount',
} as const;

export type DocumentKey = keyof typeof documentsEn;
