import type { DocumentLine } from '../../schemas/quote.schema';
import { formatMoney } from '../../domain/sales/money';

/** What a quote or invoice PDF shows. */
export type SalesDocumentView = {
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
};

// The standard PDF fonts encode WinAnsi only: anything else (emoji, CJK) becomes '?'.
function printable(value: string): string {
  return value.replace(/[\u00a0\u202f]/g, ' ').replace(/[^\x20-\x7e\xa1-\xff]/g, '?');
}

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
  const money = (amount: number) => formatMoney(amount, view.currency);

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
  write('Customer', margin, 9, bold);
  y -= 13;
  for (const line of [view.customer.name, view.customer.address, view.customer.email, view.customer.phone].filter((v): v is string => Boolean(v))) {
    write(line, margin, 9);
    y -= 12;
  }
  y -= 14;

  // Right edges of the numeric columns; the description takes what is left of the quantity.
  const right = { quantity: 265, unitPrice: 345, discount: 385, tax: 420, total: width - margin };
  const amount = (value: number) => formatMoney(value, view.currency).replace(`${view.currency} `, '');
  const header = () => {
    write('Description', margin, 9, bold);
    writeRight('Qty', right.quantity, 9, bold);
    writeRight('Unit price', right.unitPrice, 9, bold);
    writeRight('Disc %', right.discount, 9, bold);
    writeRight('Tax %', right.tax, 9, bold);
    writeRight(`Total (${view.currency})`, right.total, 9, bold);
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
    writeRight(String(line.quantity), right.quantity, 9);
    writeRight(amount(line.unitPrice), right.unitPrice, 9);
    writeRight(String(line.discountPercent), right.discount, 9);
    writeRight(String(line.taxPercent), right.tax, 9);
    writeRight(amount(line.total), right.total, 9);
    y -= 14;
  }
  y -= 4;
  page.drawLine({ start: { x: margin, y }, end: { x: width - margin, y }, thickness: 0.5, color: muted });
  y -= 16;
  const totals: [string, number, boolean][] = [
    ['Subtotal', view.subtotal, false],
    ['Tax', view.taxTotal, false],
    ['Total', view.total, true],
    ...(view.amountDue !== undefined ? ([['Amount due', view.amountDue, true]] as [string, number, boolean][]) : []),
  ];
  for (const [label, value, strong] of totals) {
    writeRight(label, right.tax, 10, strong ? bold : regular);
    writeRight(money(value), right.total, 10, strong ? bold : regular);
    y -= 15;
  }
  return pdf.save();
}
