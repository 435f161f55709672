import type { MailTemplates } from '../../../platform/mail/mail-template';

/**
 * The mails about tickets, in English and Indonesian; the outbox sends them by these names. The
 * customer's ones are part of the ticket's conversation: their subject carries its reference and
 * answers go to the support address, whose intake threads them by it.
 */
export const DESK_MAILS = {
  ticket_created: {
    replyToSupport: true,
    copy: {
      en: {
        subject: (p) => `We received your request: ${p.title}`,
        lines: (p) => [`Thank you for contacting ${p.company}. Your request "${p.title}" is registered and our service team will get back to you.`],
        action: 'Follow your ticket',
        footer: 'Reply to this e-mail to add to your ticket; keep the reference in the subject.',
      },
      id: {
        subject: (p) => `Permintaan Anda kami terima: ${p.title}`,
        lines: (p) => [`Terima kasih telah menghubungi ${p.company}. Permintaan Anda "${p.title}" sudah tercatat dan tim layanan kami akan segera menindaklanjutinya.`],
        action: 'Pantau tiket Anda',
        footer: 'Balas e-mail ini untuk menambahkan informasi pada tiket Anda; jangan ubah referensi di subjek.',
      },
    },
  },
  ticket_reply: {
    replyToSupport: true,
    copy: {
      en: {
        subject: (p) => `New reply to your request: ${p.title}`,
        lines: (p) => [`${p.company} replied to your request "${p.title}":`, '', ...p.message.split('\n')],
        action: 'View the conversation',
        footer: 'Reply to this e-mail to answer; keep the reference in the subject.',
      },
      id: {
        subject: (p) => `Balasan baru untuk permintaan Anda: ${p.title}`,
        lines: (p) => [`${p.company} membalas permintaan Anda "${p.title}":`, '', ...p.message.split('\n')],
        action: 'Lihat percakapan',
        footer: 'Balas e-mail ini untuk menjawab; jangan ubah referensi di subjek.',
      },
    },
  },
  ticket_resolved: {
    replyToSupport: true,
    copy: {
      en: {
        subject: (p) => `Your request is resolved: ${p.title}`,
        lines: (p) => [`${p.company} has resolved your request "${p.title}".`, 'How did we do? Rate our service with one click on the ticket page.'],
        action: 'Rate our service',
        footer: 'Not solved after all? Reply to this e-mail and the ticket opens again.',
      },
      id: {
        subject: (p) => `Permintaan Anda telah diselesaikan: ${p.title}`,
        lines: (p) => [`${p.company} telah menyelesaikan permintaan Anda "${p.title}".`, 'Bagaimana layanan kami? Beri penilaian dengan satu klik di halaman tiket.'],
        action: 'Nilai layanan kami',
        footer: 'Masalah belum selesai? Balas e-mail ini dan tiket akan dibuka kembali.',
      },
    },
  },
  ticket_assigned: {
    copy: {
      en: {
        subject: (p) => `Ticket assigned to you: ${p.title}`,
        lines: (p) => [`The ticket "${p.title}" has been assigned to you.`],
        action: 'Open the ticket',
        footer: 'You receive this e-mail because you are a member of a service team.',
      },
      id: {
        subject: (p) => `Tiket ditugaskan kepada Anda: ${p.title}`,
        lines: (p) => [`Tiket "${p.title}" telah ditugaskan kepada Anda.`],
        action: 'Buka tiket',
        footer: 'Anda menerima e-mail ini karena Anda anggota tim layanan.',
      },
    },
  },
  ticket_escalated: {
    copy: {
      en: {
        subject: (p) => `Escalation: ${p.title}`,
        lines: (p) => [`The ticket "${p.title}" needs your attention.`, ...(p.message ? [p.message] : [])],
        action: 'Open the ticket',
        footer: 'You receive this e-mail because you are named as a service manager.',
      },
      id: {
        subject: (p) => `Eskalasi: ${p.title}`,
        lines: (p) => [`Tiket "${p.title}" memerlukan perhatian Anda.`, ...(p.message ? [p.message] : [])],
        action: 'Buka tiket',
        footer: 'Anda menerima e-mail ini karena Anda tercatat sebagai manajer layanan.',
      },
    },
  },
} satisfies MailTemplates;

/** The name of a ticket mail, as the outbox stores it. */
export type DeskMail = keyof typeof DESK_MAILS;
