/** The e-mails the application sends; each has an English and an Indonesian text. */
export const MAIL_TEMPLATES = ['verify_email', 'password_reset', 'portal_invite', 'staff_invite', 'quote_sent'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** What a template may interpolate: the recipient's name, the link to follow, the company. */
export type MailParams = { name?: string; url?: string; company?: string };
