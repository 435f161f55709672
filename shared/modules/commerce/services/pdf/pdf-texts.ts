import type { Locale } from '../../../../platform/locale';
import type { InvoiceStatus, QuoteStatus } from '../../../sales/domain/sales-vocabulary';

/** The words of a quote or invoice PDF in one language (the portals' document texts, on paper). */
export type PdfTexts = {
  quotation: string;
  invoice: string;
  date: string;
  status: string;
  validUntil: string;
  dueDate: string;
  customer: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  tax: string;
  /** Heading of the line-total column; `{currency}` is the document's currency code. */
  lineTotal: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  amountDue: string;
  /** The payment instructions block of an invoice. */
  howToPay: string;
  bankName: string;
  accountNumber: string;
  accountHolder: string;
  reference: string;
  quoteStatus: Record<QuoteStatus, string>;
  invoiceStatus: Record<InvoiceStatus, string>;
};

export const PDF_TEXTS: Record<Locale, PdfTexts> = {
  en: {
    quotation: 'Quotation',
    invoice: 'Invoice',
    date: 'Date',
    status: 'Status',
    validUntil: 'Valid until',
    dueDate: 'Due date',
    customer: 'Customer',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    discount: 'Disc. %',
    tax: 'Tax %',
    lineTotal: 'Total ({currency})',
    subtotal: 'Subtotal',
    taxTotal: 'Tax',
    total: 'Total',
    amountDue: 'Amount due',
    howToPay: 'How to pay',
    bankName: 'Bank',
    accountNumber: 'Account number',
    accountHolder: 'Account holder',
    reference: 'Payment reference',
    quoteStatus: { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', confirmed: 'Confirmed', cancelled: 'Cancelled' },
    invoiceStatus: { issued: 'Issued', paid: 'Paid', overdue: 'Overdue', cancelled: 'Cancelled' },
  },
  id: {
    quotation: 'Penawaran Harga',
    invoice: 'Faktur',
    date: 'Tanggal',
    status: 'Status',
    validUntil: 'Berlaku hingga',
    dueDate: 'Jatuh tempo',
    customer: 'Pelanggan',
    description: 'Deskripsi',
    quantity: 'Kuantitas',
    unitPrice: 'Harga satuan',
    discount: 'Diskon %',
    tax: 'Pajak %',
    lineTotal: 'Total ({currency})',
    subtotal: 'Subtotal',
    taxTotal: 'Pajak',
    total: 'Total',
    amountDue: 'Sisa tagihan',
    howToPay: 'Cara pembayaran',
    bankName: 'Bank',
    accountNumber: 'Nomor rekening',
    accountHolder: 'Atas nama',
    reference: 'Berita transfer',
    quoteStatus: { draft: 'Draf', sent: 'Terkirim', accepted: 'Disetujui', confirmed: 'Dikonfirmasi', cancelled: 'Dibatalkan' },
    invoiceStatus: { issued: 'Diterbitkan', paid: 'Lunas', overdue: 'Lewat jatuh tempo', cancelled: 'Dibatalkan' },
  },
};
