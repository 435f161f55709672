import type { MailCopy, MailTemplates, MailValues } from '../../../platform/mail/mail-template';
import type { NotificationKind } from './notification';

const FOOTER = {
  en: 'You receive this e-mail because you work with this record in Relasi. Your reminder lead time is in your profile.',
  id: 'Anda menerima e-mail ini karena Anda menangani catatan ini di Relasi. Waktu pengingat Anda ada di profil Anda.',
};

const copy = (en: Omit<MailCopy, 'footer'>, id: Omit<MailCopy, 'footer'>) => ({ copy: { en: { ...en, footer: FOOTER.en }, id: { ...id, footer: FOOTER.id } } });

// `title` is the record's name; `message` a line of detail (the due time of a reminder).
const extra = (p: MailValues) => (p.message ? [p.message] : []);

/**
 * The mails of notifications, in English and Indonesian, by kind. A ticket's assignment has
 * none here: the desk already mails the agent (ticket_assigned), so it only rings the bell.
 */
export const NOTIFICATION_MAILS = {
  notify_activity_due: copy(
    { subject: (p) => `Reminder: ${p.title}`, lines: (p) => [`Your planned "${p.title}" is due soon.`, ...extra(p)], action: 'Open the record' },
    { subject: (p) => `Pengingat: ${p.title}`, lines: (p) => [`Rencana Anda "${p.title}" akan segera jatuh tempo.`, ...extra(p)], action: 'Buka catatan' },
  ),
  notify_lead_assigned: copy(
    { subject: (p) => `Lead assigned to you: ${p.title}`, lines: (p) => [`The lead "${p.title}" is now yours.`], action: 'Open the lead' },
    { subject: (p) => `Prospek ditugaskan kepada Anda: ${p.title}`, lines: (p) => [`Prospek "${p.title}" sekarang menjadi tanggung jawab Anda.`], action: 'Buka prospek' },
  ),
  notify_opportunity_assigned: copy(
    { subject: (p) => `Opportunity assigned to you: ${p.title}`, lines: (p) => [`The opportunity "${p.title}" is now yours.`], action: 'Open the opportunity' },
    { subject: (p) => `Peluang ditugaskan kepada Anda: ${p.title}`, lines: (p) => [`Peluang "${p.title}" sekarang menjadi tanggung jawab Anda.`], action: 'Buka peluang' },
  ),
  notify_customer_replied: copy(
    { subject: (p) => `The customer replied: ${p.title}`, lines: (p) => [`The customer wrote on the ticket "${p.title}".`], action: 'Open the ticket' },
    { subject: (p) => `Pelanggan membalas: ${p.title}`, lines: (p) => [`Pelanggan menulis pada tiket "${p.title}".`], action: 'Buka tiket' },
  ),
  notify_quote_accepted: copy(
    { subject: (p) => `Quote accepted: ${p.title}`, lines: (p) => [`The customer accepted the quote ${p.title}.`], action: 'Open the quote' },
    { subject: (p) => `Penawaran diterima: ${p.title}`, lines: (p) => [`Pelanggan menerima penawaran ${p.title}.`], action: 'Buka penawaran' },
  ),
  notify_sla_breach_soon: copy(
    { subject: (p) => `SLA about to breach: ${p.title}`, lines: (p) => [`The ticket "${p.title}" is close to its SLA deadline.`, ...extra(p)], action: 'Open the ticket' },
    { subject: (p) => `SLA hampir terlewati: ${p.title}`, lines: (p) => [`Tiket "${p.title}" mendekati batas waktu SLA.`, ...extra(p)], action: 'Buka tiket' },
  ),
} satisfies MailTemplates;

/** The mail a notification of `kind` sends, if any. */
export function mailOfKind(kind: NotificationKind): keyof typeof NOTIFICATION_MAILS | undefined {
  const name = `notify_${kind}`;
  return name in NOTIFICATION_MAILS ? (name as keyof typeof NOTIFICATION_MAILS) : undefined;
}
