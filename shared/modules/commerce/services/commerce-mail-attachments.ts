import type { MailAttachers, MailAttachment, MailParams } from '../../../platform/mail/mail-template';
import type { Locale } from '../../../platform/locale';
import { PermanentWorkError } from '../../../platform/work/work-runner';
import type { CommerceMail } from '../domain/commerce-mails';
import { invoiceRepository } from '../db/invoice.repository';
import { quoteRepository } from '../db/quote.repository';

type Stored = { number: string };

/** The PDF of the document the mail names, made now from the stored document; a missing one is a permanent failure (retrying cannot bring it back). */
function pdfOf<Row extends Stored>(what: string, load: (id: string) => Promise<Row | undefined>, render: (row: Row, locale: Locale) => Promise<Uint8Array>) {
  return async (params: MailParams, locale: Locale): Promise<MailAttachment[]> => {
    const row = params.documentId ? await load(params.documentId) : undefined;
    if (!row) throw new PermanentWorkError(`the ${what} ${params.documentId ?? '(none)'} to attach is gone`);
    return [{ filename: `${row.number}.pdf`, contentType: 'application/pdf', content: await render(row, locale) }];
  };
}

/**
 * The commerce mails' PDFs, by mail name (pdf-lib loads only when one is sent). Each shows the
 * document as the mail announces it: a sent quote's lines and totals no longer change, but the
 * worker may run after the customer accepted it or the first payment came in, so the status
 * (and an invoice's amount due) are those of the moment the mail was written.
 */
export const COMMERCE_MAIL_ATTACHMENTS = {
  quote_sent: pdfOf('quote', (id) => quoteRepository.get(id), async (quote, locale) => (await import('./pdf/document-view')).quotePdf({ ...quote, status: 'sent' }, locale)),
  invoice_issued: pdfOf('invoice', (id) => invoiceRepository.get(id), async (invoice, locale) => (await import('./pdf/document-view')).invoicePdf({ ...invoice, status: 'issued', amountDue: invoice.total }, locale)),
} satisfies Record<CommerceMail, MailAttachers[string]>;
