import type { Locale } from '../locale';
import type { MailParams, MailTemplate } from './mail-template';

/** A mail ready to hand to SES: subject line, plain text and HTML bodies. */
export type RenderedMail = { subject: string; text: string; html: string };

type Copy = {
  subject: (p: Required<MailParams>) => string;
  greeting: (p: Required<MailParams>) => string;
  lines: (p: Required<MailParams>) => string[];
  action: string;
  footer: string;
};

const COPY: Record<MailTemplate, Record<Locale, Copy>> = {
  verify_email: {
    en: {
      subject: () => 'Confirm your e-mail address',
      greeting: (p) => greeting('Hello', p.name),
      lines: () => ['Please confirm your e-mail address to finish setting up your Relasi account.'],
      action: 'Confirm e-mail address',
      footer: 'If you did not create an account, you can ignore this e-mail.',
    },
    id: {
      subject: () => 'Konfirmasi alamat e-mail Anda',
      greeting: (p) => greeting('Halo', p.name),
      lines: () => ['Silakan konfirmasi alamat e-mail Anda untuk menyelesaikan pendaftaran akun Relasi.'],
      action: 'Konfirmasi alamat e-mail',
      footer: 'Jika Anda tidak membuat akun, abaikan e-mail ini.',
    },
  },
  password_reset: {
    en: {
      subject: () => 'Reset your password',
      greeting: (p) => greeting('Hello', p.name),
      lines: () => ['We received a request to reset the password of your Relasi account.'],
      action: 'Choose a new password',
      footer: 'If you did not ask for this, you can ignore this e-mail; your password stays the same.',
    },
    id: {
      subject: () => 'Atur ulang kata sandi Anda',
      greeting: (p) => greeting('Halo', p.name),
      lines: () => ['Kami menerima permintaan untuk mengatur ulang kata sandi akun Relasi Anda.'],
      action: 'Buat kata sandi baru',
      footer: 'Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.',
    },
  },
  portal_invite: {
    en: {
      subject: (p) => `You are invited to the ${p.company} customer portal`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`${p.company} has invited you to its customer portal, where you can follow your quotes, orders, invoices and tickets.`],
      action: 'Accept the invitation',
      footer: 'If you were not expecting this invitation, you can ignore this e-mail.',
    },
    id: {
      subject: (p) => `Anda diundang ke portal pelanggan ${p.company}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`${p.company} mengundang Anda ke portal pelanggannya untuk memantau penawaran, pesanan, faktur, dan tiket Anda.`],
      action: 'Terima undangan',
      footer: 'Jika Anda tidak mengharapkan undangan ini, abaikan e-mail ini.',
    },
  },
  staff_invite: {
    en: {
      subject: (p) => `Your staff account at ${p.company}`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`You have been given a staff account for ${p.company} on Relasi.`],
      action: 'Set your password',
      footer: 'If you were not expecting this invitation, you can ignore this e-mail.',
    },
    id: {
      subject: (p) => `Akun staf Anda di ${p.company}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`Anda telah mendapatkan akun staf untuk ${p.company} di Relasi.`],
      action: 'Buat kata sandi',
      footer: 'Jika Anda tidak mengharapkan undangan ini, abaikan e-mail ini.',
    },
  },
  quote_sent: {
    en: {
      subject: (p) => `Your quotation from ${p.company}`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`${p.company} has sent you a quotation. You can review it, download it as a PDF and accept it online in the customer portal.`],
      action: 'View the quotation',
      footer: 'If you have questions about this quotation, reply to your contact person.',
    },
    id: {
      subject: (p) => `Penawaran harga dari ${p.company}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`${p.company} telah mengirimkan penawaran harga kepada Anda. Anda dapat meninjaunya, mengunduhnya sebagai PDF, dan menerimanya secara online di portal pelanggan.`],
      action: 'Lihat penawaran',
      footer: 'Jika ada pertanyaan tentang penawaran ini, hubungi kontak Anda.',
    },
  },
  ticket_created: {
    en: {
      subject: (p) => `We received your request: ${p.title}`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`Thank you for contacting ${p.company}. Your request "${p.title}" is registered and our service team will get back to you.`],
      action: 'Follow your ticket',
      footer: 'Reply to this e-mail to add to your ticket; keep the reference in the subject.',
    },
    id: {
      subject: (p) => `Permintaan Anda kami terima: ${p.title}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`Terima kasih telah menghubungi ${p.company}. Permintaan Anda "${p.title}" sudah tercatat dan tim layanan kami akan segera menindaklanjutinya.`],
      action: 'Pantau tiket Anda',
      footer: 'Balas e-mail ini untuk menambahkan informasi pada tiket Anda; jangan ubah referensi di subjek.',
    },
  },
  ticket_reply: {
    en: {
      subject: (p) => `New reply to your request: ${p.title}`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`${p.company} replied to your request "${p.title}":`, '', ...p.message.split('\n')],
      action: 'View the conversation',
      footer: 'Reply to this e-mail to answer; keep the reference in the subject.',
    },
    id: {
      subject: (p) => `Balasan baru untuk permintaan Anda: ${p.title}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`${p.company} membalas permintaan Anda "${p.title}":`, '', ...p.message.split('\n')],
      action: 'Lihat percakapan',
      footer: 'Balas e-mail ini untuk menjawab; jangan ubah referensi di subjek.',
    },
  },
  ticket_resolved: {
    en: {
      subject: (p) => `Your request is resolved: ${p.title}`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`${p.company} has resolved your request "${p.title}".`, 'How did we do? Rate our service with one click on the ticket page.'],
      action: 'Rate our service',
      footer: 'Not solved after all? Reply to this e-mail and the ticket opens again.',
    },
    id: {
      subject: (p) => `Permintaan Anda telah diselesaikan: ${p.title}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`${p.company} telah menyelesaikan permintaan Anda "${p.title}".`, 'Bagaimana layanan kami? Beri penilaian dengan satu klik di halaman tiket.'],
      action: 'Nilai layanan kami',
      footer: 'Masalah belum selesai? Balas e-mail ini dan tiket akan dibuka kembali.',
    },
  },
  ticket_assigned: {
    en: {
      subject: (p) => `Ticket assigned to you: ${p.title}`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`The ticket "${p.title}" has been assigned to you.`],
      action: 'Open the ticket',
      footer: 'You receive this e-mail because you are a member of a service team.',
    },
    id: {
      subject: (p) => `Tiket ditugaskan kepada Anda: ${p.title}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`Tiket "${p.title}" telah ditugaskan kepada Anda.`],
      action: 'Buka tiket',
      footer: 'Anda menerima e-mail ini karena Anda anggota tim layanan.',
    },
  },
  ticket_escalated: {
    en: {
      subject: (p) => `Escalation: ${p.title}`,
      greeting: (p) => greeting('Hello', p.name),
      lines: (p) => [`The ticket "${p.title}" needs your attention.`, ...(p.message ? [p.message] : [])],
      action: 'Open the ticket',
      footer: 'You receive this e-mail because you are named as a service manager.',
    },
    id: {
      subject: (p) => `Eskalasi: ${p.title}`,
      greeting: (p) => greeting('Halo', p.name),
      lines: (p) => [`Tiket "${p.title}" memerlukan perhatian Anda.`, ...(p.message ? [p.message] : [])],
      action: 'Buka tiket',
      footer: 'Anda menerima e-mail ini karena Anda tercatat sebagai manajer layanan.',
    },
  },
};

function greeting(word: string, name: string): string {
  return name ? `${word} ${name},` : `${word},`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A subject is a header: a line break in a parameter must not start a new header. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** Only web links may become a button; anything else (javascript:, data:) is refused. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Refusing to put a ${parsed.protocol} link in an e-mail`);
  }
  return parsed.href;
}

/** Renders one of the application's e-mails in the recipient's locale; parameters are escaped in the HTML. */
export function renderMail(template: MailTemplate, locale: Locale, params: MailParams): RenderedMail {
  const copy = COPY[template][locale];
  const p: Required<MailParams> = {
    name: singleLine(params.name ?? ''),
    company: singleLine(params.company ?? 'Relasi'),
    url: params.url ? safeUrl(params.url) : '',
    reference: singleLine(params.reference ?? ''),
    title: singleLine(params.title ?? ''),
    message: params.message ?? '',
  };
  const subject = singleLine(p.reference ? `${copy.subject(p)} ${p.reference}` : copy.subject(p));
  const greetingLine = copy.greeting(p);
  const lines = copy.lines(p);

  const text = [greetingLine, '', ...lines, '', ...(p.url ? [`${copy.action}: ${p.url}`, ''] : []), copy.footer, ''].join('\n');

  const button = p.url
    ? `<p><a href="${escapeHtml(p.url)}" style="display:inline-block;padding:10px 18px;background:#1f6f5c;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(copy.action)}</a></p>` +
      `<p style="font-size:12px;color:#555555">${escapeHtml(p.url)}</p>`
    : '';
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5">',
    `<p>${escapeHtml(greetingLine)}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    button,
    `<p style="font-size:12px;color:#555555">${escapeHtml(copy.footer)}</p>`,
    '</body></html>',
  ].join('');

  return { subject, text, html };
}
