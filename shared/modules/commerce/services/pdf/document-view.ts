import type { InvoiceRow } from '../../db/invoice.entity';
import type { QuoteRow } from '../../db/quote.entity';
import { INTL_LOCALE, type Locale } from '../../../../platform/locale';
import { DEFAULT_TIME_ZONE } from '../../../desk/domain/service-vocabulary';
import { accountRepository } from '../../../crm/db/account.repository';
import { companyProfileRepository } from '../../db/company-profile.repository';
import { calendarDay } from '../../domain/document-dates';
import { PDF_TEXTS } from './pdf-texts';
import { renderSalesDocumentPdf } from './sales-document.pdf';

type Document = Pick<QuoteRow, 'number' | 'accountId' | 'currency' | 'lines' | 'subtotal' | 'taxTotal' | 'total'> & { amountDue?: number };

/** A moment ("2026-12-07T02:30:00Z") as the day it was in the company's time zone, in words of `locale`. */
function day(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: DEFAULT_TIME_ZONE }).format(new Date(iso));
}

/** `paymentReference`: an invoice's number, under which the company's payment instructions (if set) are printed. */
async function render(title: string, doc: Document, facts: [string, string][], locale: Locale, paymentReference?: string): Promise<Uint8Array> {
  const [company, account] = await Promise.all([companyProfileRepository.get(), accountRepository.get(doc.accountId)]);
  return renderSalesDocumentPdf({
    locale,
    texts: PDF_TEXTS[locale],
    title,
    number: doc.number,
    facts,
    company: { name: company?.content.name ?? 'Relasi', tagline: company?.content.tagline[locale] },
    customer: { name: account?.name ?? '', address: account?.address, email: account?.email, phone: account?.phone },
    currency: doc.currency,
    lines: doc.lines,
    subtotal: doc.subtotal,
    taxTotal: doc.taxTotal,
    total: doc.total,
    amountDue: doc.amountDue,
    ...(paymentReference && company?.payment ? { payment: { ...company.payment, reference: paymentReference } } : {}),
  });
}

/** A quote as a PDF in the reader's language. */
export function quotePdf(quote: QuoteRow, locale: Locale): Promise<Uint8Array> {
  const texts = PDF_TEXTS[locale];
  const facts: [string, string][] = [
    [texts.date, day(quote.createdAt, locale)],
    [texts.status, texts.quoteStatus[quote.status]],
    ...(quote.validUntil ? ([[texts.validUntil, calendarDay(quote.validUntil, locale)]] as [string, string][]) : []),
  ];
  return render(texts.quotation, quote, facts, locale);
}

/** An invoice as a PDF in the reader's language. */
export function invoicePdf(invoice: InvoiceRow, locale: Locale): Promise<Uint8Array> {
  const texts = PDF_TEXTS[locale];
  const facts: [string, string][] = [
    [texts.date, day(invoice.issuedAt, locale)],
    [texts.dueDate, calendarDay(invoice.dueDate, locale)],
    [texts.status, texts.invoiceStatus[invoice.status]],
  ];
  return render(texts.invoice, invoice, facts, locale, invoice.number);
}
