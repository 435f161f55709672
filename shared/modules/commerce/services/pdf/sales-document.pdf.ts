import type { DocumentLine } from '../../domain/document-line';
import { INTL_LOCALE, type Locale } from '../../../../platform/locale';
import { formatMoney, formatMoneyAmount } from '../../../../platform/money';
import type { PdfTexts } from './pdf-texts';

/** What a quote or invoice PDF shows, in the words of `texts` and the figures of `locale`. */
export type SalesDocumentView = {
  locale: Locale;
  texts: PdfTexts;
  title: string;
  number: string;
  /** Label → value rows under the title (date, valid until, due date, status). */
  facts: [string, string][];
  company: { name: string; tagline?: string };
  customer: { name: string; address?: string; email?: string; phone?: string };
  currency: string;
  lines: DocumentLine[];
  subtotal: number;
  taxTotal: number;
  total: number;
  amountDue?: number;
  /** An invoice's payment instructions; absent, the PDF shows no payment block. */
  payment?: { bankName: string; accountNumber: string; accountHolder: string; reference: string };
};

/**
 * Render a quote or invoice as an A4 PDF. pdf-lib is imported here, lazily, so only the
 * PDF routes pay for loading it.
 */
export async function renderSalesDocumentPdf(view: SalesDocumentView): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${view.title} ${view.number}`);
  pdf.setProducer('Relasi');
  pdf.setCreator(view.company.name);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height] = [595.28, 841.89];
  const margin = 48;
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const ink = rgb(0.1, 0.1, 0.1);
  const muted = rgb(0.35, 0.35, 0.35);
  const { texts } = view;

  // The standard fonts encode WinAnsi only: anything else (emoji, CJK, ₹) would make pdf-lib throw.
  const encodable = new Set(regular.getCharacterSet());
  const spaced = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');
  const canPrint = (value: string) => [...spaced(value)].every((char) => encodable.has(char.codePointAt(0)!));
  const printable = (value: string) => [...spaced(value)].map((char) => (encodable.has(char.codePointAt(0)!) ? char : '?')).join('');

  const write = (text: string, x: number, size = 10, font = regular, color = ink) => page.drawText(printable(text), { x, y, size, font, color });
  const writeRight = (text: string, right: number, size = 10, font = regular) => {
    const clean = printable(text);
    page.drawText(clean, { x: right - font.widthOfTextAtSize(clean, size), y, size, font, color: ink });
  };
  const fit = (text: string, maxWidth: number, size = 10) => {
    const clean = printable(text);
    if (regular.widthOfTextAtSize(clean, size) <= maxWidth) return clean;
    let cut = clean;
    while (cut.length > 1 && regular.widthOfTextAtSize(`${cut}...`, size) > maxWidth) cut = cut.slice(0, -1);
    return `${cut}...`;
  };
  // A currency symbol the font lacks (₹, ₩) gives way to the code rather than a '?'.
  const money = (amount: number) => {
    const text = formatMoney(amount, view.currency, view.locale);
    return canPrint(text) ? text : formatMoney(amount, view.currency, view.locale, { currencyDisplay: 'code' });
  };
  const amount = (value: number) => formatMoneyAmount(value, view.currency, view.locale);
  const quantity = new Intl.NumberFormat(INTL_LOCALE[view.locale], { maximumFractionDigits: 3 });
  const percent = new Intl.NumberFormat(INTL_LOCALE[view.locale], { maximumFractionDigits: 2 });

  write(view.company.name, margin, 16, bold);
  y -= 16;
  if (view.company.tagline) write(view.company.tagline, margin, 9, regular, muted);
  y -= 28;
  write(`${view.title} ${view.number}`, margin, 14, bold);
  y -= 20;
  for (const [label, value] of view.facts) {
    write(label, margin, 9, regular, muted);
    write(value, margin + 90, 9);
    y -= 13;
  }
  y -= 10;
  write(texts.customer, margin, 9, bold);
  y -= 13;
  for (const line of [view.customer.name, view.customer.address, view.customer.email, view.customer.phone].filter((v): v is string => Boolean(v))) {
    write(line, margin, 9);
    y -= 12;
  }
  y -= 14;

  // Right edges of the numeric columns; the description takes what is left of the quantity.
  const right = { quantity: 255, unitPrice: 335, discount: 385, tax: 430, total: width - margin };
  const header = () => {
    write(texts.description, margin, 9, bold);
    writeRight(texts.quantity, right.quantity, 9, bold);
    writeRight(texts.unitPrice, right.unitPrice, 9, bold);
    writeRight(texts.discount, right.discount, 9, bold);
    writeRight(texts.tax, right.tax, 9, bold);
    writeRight(texts.lineTotal.replace('{currency}', view.currency), right.total, 9, bold);
    y -= 6;
    page.drawLine({ start: { x: margin, y }, end: { x: width - margin, y }, thickness: 0.5, color: muted });
    y -= 12;
  };
  header();
  for (const line of view.lines) {
    if (y < margin + 80) {
      page = pdf.addPage([width, height]);
      y = height - margin;
      header();
    }
    write(fit(line.description, right.quantity - margin - 50, 9), margin, 9);
    writeRight(quantity.format(line.quantity), right.quantity, 9);
    writeRight(amount(line.unitPrice), right.unitPrice, 9);
    writeRight(percent.format(line.discountPercent), right.discount, 9);
    writeRight(percent.format(line.taxPercent), right.tax, 9);
    writeRight(amount(line.total), right.total, 9);
    y -= 14;
  }
  y -= 4;
  page.drawLine({ start: { x: margin, y }, end: { x: width - margin, y }, thickness: 0.5, color: muted });
  y -= 16;
  const totals: [string, number, boolean][] = [
    [texts.subtotal, view.subtotal, false],
    [texts.taxTotal, view.taxTotal, false],
    [texts.total, view.total, true],
    ...(view.amountDue !== undefined ? ([[texts.amountDue, view.amountDue, true]] as [string, number, boolean][]) : []),
  ];
  for (const [label, value, strong] of totals) {
    writeRight(label, right.tax, 10, strong ? bold : regular);
    writeRight(money(value), right.total, 10, strong ? bold : regular);
    y -= 15;
  }
  if (view.payment) {
    if (y < margin + 90) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
    y -= 15;
    write(texts.howToPay, margin, 10, bold);
    y -= 15;
    const { bankName, accountNumber, accountHolder, reference } = view.payment;
    for (const [label, value] of [[texts.bankName, bankName], [texts.accountNumber, accountNumber], [texts.accountHolder, accountHolder], [texts.reference, reference]] as const) {
      write(label, margin, 9, regular, muted);
      write(value, margin + 110, 9);
      y -= 13;
    }
  }
  return pdf.save();
}
