import type { Locale } from '../locale';

/**
 * What a template may interpolate: the recipient's name, the link to follow, the company; for
 * ticket mails also the tag appended to the subject (`[T-2026-00042 #token]`), the ticket's
 * title and a message quoted in the body (plain text).
 */
export type MailParams = { name?: string; url?: string; company?: string; reference?: string; title?: string; message?: string };

/** The parameters as a template's text reads them: all present, the subject's ones on one line, the link a web link or empty. */
export type MailValues = Required<MailParams>;

/** One language's text of a mail; the renderer adds the greeting, the button, the layout and the escaping. */
export type MailCopy = {
  subject: (p: MailValues) => string;
  /** The body's paragraphs, after the greeting; an empty line is an empty paragraph. */
  lines: (p: MailValues) => string[];
  /** The label of the button that opens the link. */
  action: string;
  footer: string;
};

/**
 * A mail the application sends, in every language. `replyToSupport`: the recipient answers it,
 * and the answer goes to the support address, whose intake threads it by the subject's reference.
 */
export type MailTemplate = { copy: Readonly<Record<Locale, MailCopy>>; replyToSupport?: boolean };

/** A module's mails by the name an outbox item stores. */
export type MailTemplates = Readonly<Record<string, MailTemplate>>;
