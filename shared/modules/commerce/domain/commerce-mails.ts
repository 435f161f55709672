import type { MailTemplates, MailValues } from '../../../platform/mail/mail-template';

/** The bank transfer lines of an invoice mail; none when the company has set no payment instructions. */
function paymentLines(p: MailValues, words: { intro: string; bank: string; account: string; holder: string; reference: string }): string[] {
  if (!p.bankName || !p.accountNumber) return [];
  return [words.intro, `${words.bank}: ${p.bankName}`, `${words.account}: ${p.accountNumber}`, `${words.holder}: ${p.accountHolder}`, `${words.reference}: ${p.number}`];
}

/** The mails about quotes and invoices, in English and Indonesian; the outbox sends them by these names, the document's PDF attached. */
export const COMMERCE_MAILS = {
  quote_sent: {
    copy: {
      en: {
        subject: (p) => `Quotation ${p.number} from ${p.company}`,
        lines: (p) => [
          `${p.company} has sent you quotation ${p.number} for a total of ${p.amount}.`,
          'The quotation is attached as a PDF. You can also review it and accept it online in the customer portal.',
        ],
        action: 'View the quotation',
        footer: 'If you have questions about this quotation, reply to your contact person.',
      },
      id: {
        subject: (p) => `Penawaran harga ${p.number} dari ${p.company}`,
        lines: (p) => [
          `${p.company} telah mengirimkan penawaran harga ${p.number} dengan total ${p.amount}.`,
          'Penawaran terlampir sebagai PDF. Anda juga dapat meninjau dan menerimanya secara online di portal pelanggan.',
        ],
        action: 'Lihat penawaran',
        footer: 'Jika ada pertanyaan tentang penawaran ini, hubungi kontak Anda.',
      },
    },
  },
  invoice_issued: {
    copy: {
      en: {
        subject: (p) => `Invoice ${p.number} from ${p.company}`,
        lines: (p) => [
          `${p.company} has issued invoice ${p.number} for ${p.amount}, due on ${p.dueDate}. The invoice is attached as a PDF.`,
          ...paymentLines(p, { intro: 'Please pay by bank transfer to:', bank: 'Bank', account: 'Account number', holder: 'Account holder', reference: 'Payment reference' }),
        ],
        action: 'View the invoice',
        footer: 'If you have questions about this invoice, reply to your contact person.',
      },
      id: {
        subject: (p) => `Faktur ${p.number} dari ${p.company}`,
        lines: (p) => [
          `${p.company} telah menerbitkan faktur ${p.number} sebesar ${p.amount}, jatuh tempo ${p.dueDate}. Faktur terlampir sebagai PDF.`,
          ...paymentLines(p, { intro: 'Silakan bayar melalui transfer bank ke:', bank: 'Bank', account: 'Nomor rekening', holder: 'Atas nama', reference: 'Berita transfer' }),
        ],
        action: 'Lihat faktur',
        footer: 'Jika ada pertanyaan tentang faktur ini, hubungi kontak Anda.',
      },
    },
  },
} satisfies MailTemplates;

/** The name of a commerce mail, as the outbox stores it. */
export type CommerceMail = keyof typeof COMMERCE_MAILS;
