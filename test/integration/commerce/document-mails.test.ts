import { PartyEntity } from '../../../shared/modules/identity/db/party.entity';
import { COMMERCE_MAIL_ATTACHMENTS } from '../../../shared/modules/commerce/services/commerce-mail-attachments';
import { PermanentWorkError } from '../../../shared/platform/work/work-runner';
import type { Locale } from '../../../shared/platform/locale';
import { formatMoney } from '../../../shared/platform/money';
import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { waitForMail, type CaughtMail } from '../../support/mail.helper';
import { pdfText } from '../../support/pdf-text';
import { createCustomer, createQuote } from '../../support/sales.helper';
import { product, setUpQuotes, stopQuotes, tokens } from './quotes.fixture';

beforeAll(setUpQuotes, SETUP_TIMEOUT_MS);
afterAll(stopQuotes);

// The demo company's payment instructions (infra/local/seed/demo-seed.ts).
const BANK = { bankName: 'Bank Central Asia (BCA)', accountNumber: '123-456-7890', accountHolder: 'PT. Kaktus Berduri' };
const spaced = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

/** A new customer whose primary contact reads mails in `locale`. */
async function customerIn(locale: Locale) {
  const customer = await createCustomer(tokens.sales);
  await PartyEntity().patch({ partyId: customer.contactId }).set({ locale }).go();
  return customer;
}

/** The one PDF a mail carries, as text. */
async function attachedPdf(mail: CaughtMail, filename: string): Promise<string> {
  expect(mail.attachments).toHaveLength(1);
  const [file] = mail.attachments!;
  expect(file).toMatchObject({ filename, contentType: 'application/pdf' });
  const bytes = Buffer.from(file!.content, 'base64');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(bytes);
}

async function issueInvoice(accountId: string) {
  const quote = await createQuote(tokens.sales, accountId, product.id);
  const confirmed = await call('POST', `/quotes/${quote.id}/confirm`, { token: tokens.sales });
  expect(confirmed.status).toBe(201);
  const issued = await call('POST', `/orders/${confirmed.body.orderId}/invoice`, { token: tokens.sales });
  expect(issued.status).toBe(201);
  return (await call('GET', `/invoices/${issued.body.invoiceId}`, { token: tokens.sales })).body;
}

describe('the quote mail', () => {
  it.each([
    ['en', 'Quotation', 'for a total of'],
    ['id', 'Penawaran harga', 'dengan total'],
  ] as const)('in %s carries the number, the total and the quote as a PDF with the same figures', async (locale, subjectWord, totalWords) => {
    const customer = await customerIn(locale);
    const quote = await createQuote(tokens.sales, customer.accountId, product.id);
    expect((await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales })).status).toBe(200);
    const total = formatMoney(quote.total, 'IDR', locale);

    const mail = await waitForMail(customer.email);
    expect(mail.subject).toBe(`${subjectWord} ${quote.number} ${locale === 'en' ? 'from' : 'dari'} PT. Kaktus Berduri`);
    expect(spaced(mail.body.text!)).toContain(`${quote.number} ${totalWords} ${spaced(total)}`);
    expect(mail.body.html).toContain(quote.number);

    const text = await attachedPdf(mail, `${quote.number}.pdf`);
    expect(text).toContain(quote.number);
    expect(text).toContain(spaced(total));
    expect(text).toContain(locale === 'en' ? 'Quotation' : 'Penawaran Harga');
  });

  it('attaches the quote as sent even when the mail goes out after the quote was confirmed, and fails for good when the quote is gone', async () => {
    const customer = await customerIn('en');
    const quote = await createQuote(tokens.sales, customer.accountId, product.id);
    await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales });
    expect((await call('POST', `/quotes/${quote.id}/confirm`, { token: tokens.sales })).status).toBe(201);
    const [file] = await COMMERCE_MAIL_ATTACHMENTS.quote_sent({ documentId: quote.id }, 'en');
    const text = await pdfText(file!.content);
    expect(text).toContain('Status Sent');
    expect(text).not.toContain('Confirmed');
    await expect(COMMERCE_MAIL_ATTACHMENTS.quote_sent({ documentId: 'no-such-quote' }, 'en')).rejects.toThrow(PermanentWorkError);
  });
});

describe('the invoice mail and PDF', () => {
  it.each([
    ['en', 'Invoice', ['Bank', 'Account number', 'Account holder', 'Payment reference']],
    ['id', 'Faktur', ['Bank', 'Nomor rekening', 'Atas nama', 'Berita transfer']],
  ] as const)('in %s carry the bank details with the invoice number as the reference', async (locale, title, labels) => {
    const customer = await customerIn(locale);
    const invoice = await issueInvoice(customer.accountId);
    expect(invoice.paymentInstructions).toEqual({ ...BANK, reference: invoice.number });
    const total = spaced(formatMoney(invoice.total, 'IDR', locale));

    const mail = await waitForMail(customer.email, (m) => m.subject.startsWith(title));
    expect(mail.subject).toBe(`${title} ${invoice.number} ${locale === 'en' ? 'from' : 'dari'} PT. Kaktus Berduri`);
    const body = spaced(mail.body.text!);
    expect(body).toContain(total);
    expect(body).toContain(`/invoice/?id=${invoice.id}`);
    const [bank, account, holder, reference] = labels;
    for (const line of [`${bank}: ${BANK.bankName}`, `${account}: ${BANK.accountNumber}`, `${holder}: ${BANK.accountHolder}`, `${reference}: ${invoice.number}`]) {
      expect(body).toContain(line);
      expect(spaced(mail.body.html!)).toContain(line);
    }

    const text = await attachedPdf(mail, `${invoice.number}.pdf`);
    expect(text).toContain(`${title} ${invoice.number}`);
    expect(text).toContain(total);
    for (const value of [BANK.bankName, BANK.accountNumber, BANK.accountHolder]) expect(text).toContain(value);
    expect(text).toContain(`${reference} ${invoice.number}`);

    // The invoice PDF the portals download says the same.
    const download = await call('GET', `/invoices/${invoice.id}/pdf?lang=${locale}`, { token: tokens.sales });
    expect(download.status).toBe(200);
  });

  it('shows no payment block anywhere once the admin clears the instructions, and only an admin may change them', async () => {
    const current = await call('GET', '/company/payment-instructions', { token: tokens.sales });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject(BANK);
    const bySales = await call('PUT', '/company/payment-instructions', { token: tokens.sales, headers: { 'if-match': String(current.body.version) }, body: { bankName: '', accountNumber: '', accountHolder: '' } });
    expect(bySales.status).toBe(403);
    const half = await call('PUT', '/company/payment-instructions', { token: tokens.admin, headers: { 'if-match': String(current.body.version) }, body: { bankName: 'BCA', accountNumber: '', accountHolder: '' } });
    expect(half.status).toBe(400);
    expect(half.body.error.code).toBe('payment_instructions_incomplete');
    const cleared = await call('PUT', '/company/payment-instructions', { token: tokens.admin, headers: { 'if-match': String(current.body.version) }, body: { bankName: '', accountNumber: '', accountHolder: '' } });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ bankName: '', accountNumber: '', accountHolder: '', version: current.body.version + 1 });
    const stale = await call('PUT', '/company/payment-instructions', { token: tokens.admin, headers: { 'if-match': String(current.body.version) }, body: BANK });
    expect(stale.status).toBe(409);
    try {
      const customer = await customerIn('en');
      const invoice = await issueInvoice(customer.accountId);
      expect(invoice.paymentInstructions).toBeUndefined();
      const mail = await waitForMail(customer.email, (m) => m.subject.startsWith('Invoice'));
      expect(mail.body.text).not.toMatch(/bank transfer|Account number|Payment reference/);
      const text = await attachedPdf(mail, `${invoice.number}.pdf`);
      expect(text).toContain(invoice.number);
      expect(text).not.toMatch(/How to pay|Account number|Payment reference/);
      // The public company profile never shows the bank account.
      expect(JSON.stringify((await call('GET', '/company')).body)).not.toContain('accountNumber');
    } finally {
      const restored = await call('PUT', '/company/payment-instructions', { token: tokens.admin, headers: { 'if-match': String(cleared.body.version) }, body: BANK });
      expect(restored.status).toBe(200);
    }
  });
});
