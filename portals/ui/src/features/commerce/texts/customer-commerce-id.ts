import type { CustomerCommerceKey } from './customer-commerce-en';
import { documentsId } from './documents-id';

/** Bahasa Indonesia texts of the customer portal's quotes, orders and invoices. */
export const customerCommerceId: Record<CustomerCommerceKey, string> = {
  ...documentsId,
  'home.intro': 'Ini adalah portal swalayan Anda: penawaran, pesanan, dan faktur Anda bersama kami, selalu terkini.',

  'quotes.intro': 'Penawaran yang kami kirimkan kepada Anda. Buka untuk membacanya, mengunduhnya sebagai PDF, atau menyetujuinya.',
  'quotes.empty': 'Belum ada penawaran untuk Anda.',
  'quotes.all': 'Semua penawaran',
  'quote.title': 'Penawaran',
  'quote.heading': 'Penawaran {number}',
  'quote.awaiting': 'Penawaran ini menunggu persetujuan Anda.',
  'quote.expired': 'Penawaran ini sudah tidak berlaku. Mintalah penawaran baru kepada kami.',
  'quote.accept': 'Setujui penawaran',
  'quote.acceptTitle': 'Setujui penawaran {number}',
  'quote.acceptText': 'Setujui penawaran {number} senilai {total}? Kami mengonfirmasi pesanan Anda setelah Anda menyetujuinya.',
  'quote.accepted': 'Anda telah menyetujui penawaran ini. Kami akan segera mengonfirmasi pesanan Anda.',
  'quote.acceptedAt': 'Disetujui pada',

  'orders.intro': 'Pesanan Anda dan sejauh mana masing-masing sudah berjalan.',
  'orders.empty': 'Belum ada pesanan.',
  'orders.all': 'Semua pesanan',
  'order.title': 'Pesanan',
  'order.heading': 'Pesanan {number}',
  'order.progress': 'Perkembangan',
  'order.stepDone': 'selesai',
  'order.stepCurrent': 'tahap saat ini',
  'order.stepNext': 'berikutnya',
  'order.cancelled': 'Pesanan ini dibatalkan.',

  'invoices.intro': 'Faktur Anda: berapa yang harus dibayar dan kapan. Unduh sebagai PDF kapan saja.',
  'invoices.empty': 'Belum ada faktur.',
  'invoices.all': 'Semua faktur',
  'invoice.title': 'Faktur',
  'invoice.heading': 'Faktur {number}',
  'invoice.payBy': 'Mohon bayar {amount} paling lambat {date}.',
  'invoice.overdue': '{amount} sudah jatuh tempo pada {date}. Mohon segera lakukan pembayaran.',
  'invoice.paid': 'Lunas. Terima kasih.',

  'document.date': 'Tanggal',
  'document.summary': 'Ringkasan',
  'document.issuedAt': 'Diterbitkan pada',
  'document.quote': 'Penawaran',
  'document.order': 'Pesanan',
  'document.invoice': 'Faktur',
  'document.viewQuote': 'Lihat penawaran',
  'document.viewOrder': 'Lihat pesanan',
  'document.viewInvoice': 'Lihat faktur',

  'error.quote_already_accepted': 'Penawaran ini sudah disetujui.',
  'error.quote_not_acceptable': 'Penawaran ini tidak dapat disetujui lagi.',
  'error.quote_expired': 'Penawaran ini sudah tidak berlaku. Mintalah penawaran baru kepada kami.',
};
