/** The e-mails the application sends; each has an English and an Indonesian text. */
export const MAIL_TEMPLATES = ['verify_email', 'password_reset', 'portal_invite', 'staff_invite', 'quote_sent', 'ticket_created', 'ticket_reply', 'ticket_resolved', 'ticket_assigned', 'ticket_escalated'] as const;

/** Ticket mails a customer answers: their replies go to the support address, whose intake threads them by the subject's token. */
export const SUPPORT_THREAD_TEMPLATES: ReadonlySet<string> = new Set(['ticket_created', 'ticket_reply', 'ticket_resolved']);
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/**
 * What a template may interpolate: the recipient's name, the link to follow, the company; for
 * ticket mails also the tag appended to the subject (`[T-2026-00042 #token]`), the ticket's
 * title and a message quoted in the body (plain text).
 */
export type MailParams = { name?: string; url?: string; company?: string; reference?: string; title?: string; message?: string };
