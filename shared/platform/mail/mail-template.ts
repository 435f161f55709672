import type { Locale } from '../locale';

/**
 * What a template may interpolate: the recipient's name, the link to follow, the company; for
 * ticket mails also the tag appended to the subject (`[T-2026-00042 #token]`), the ticket's
 * title and a message quoted in the body (plain text); for a document's mail (quote, invoice)
 * its number, its formatted amount and due date, the bank account to pay to, and the id of the
 * document whose PDF the sender attaches (MailAttachers).
 */
export type MailParams = {
  name?: string;
  url?: string;
  company?: string;
  reference?: string;
  title?: string;
  message?: string;
  number?: string;
  amount?: string;
  dueDate?: string;
  bankName?: string;
  accountNumber?: string;
  accountHolder?: string;
  documentId?: string;
};

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

/** A file sent with a mail. */
export type MailAttachment = { filename: string; contentType: string; content: Uint8Array };

/** What a mail carries besides its text, by template name: built when the mail is sent, from the stored parameters. */
export type MailAttachers = Readonly<Record<string, (params: MailParams, locale: Locale) => Promise<MailAttachment[]>>>;
