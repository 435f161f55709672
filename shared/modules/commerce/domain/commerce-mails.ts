import type { MailTemplates } from '../../../platform/mail/mail-template';

/** The mails about quotes, in English and Indonesian; the outbox sends them by these names. */
export const COMMERCE_MAILS = {
  quote_sent: {
    copy: {
      en: {
        subject: (p) => `Your quotation from ${p.company}`,
        lines: (p) => [`${p.company} has sent you a quotation. You can review it, download it as a PDF and accept it online in the customer portal.`],
        action: 'View the quotation',
        footer: 'If you have questions about this quotation, reply to your contact person.',
      },
      id: {
        subject: (p) => `Penawaran harga dari ${p.company}`,
        lines: (p) => [`${p.company} telah mengirimkan penawaran harga kepada Anda. Anda dapat meninjaunya, mengunduhnya sebagai PDF, dan menerimanya secara online di portal pelanggan.`],
        action: 'Lihat penawaran',
        footer: 'Jika ada pertanyaan tentang penawaran ini, hubungi kontak Anda.',
      },
    },
  },
} satisfies MailTemplates;

/** The name of a commerce mail, as the outbox stores it. */
export type CommerceMail = keyof typeof COMMERCE_MAILS;
