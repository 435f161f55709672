import type { Locator } from 'playwright-core';
import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text, type TextKey } from '../support/texts';

jest.setTimeout(120_000);

const tr = (key: TextKey, params?: Record<string, string | number>) => text('en', key, params);
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Money as Intl prints it: a (no-break) space between the currency and the digits. */
const money = (currency: string, digits: string) => new RegExp(`^${escape(currency)}\\s${escape(digits)}$`);

/** The value of a `<dt>` in a details list. */
function detail(scope: Locator, term: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${escape(term)}$`) }).locator('xpath=following-sibling::dd[1]');
}

async function apiAs(apiUrl: string, email: string): Promise<(method: string, path: string) => Promise<Response>> {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  return (method, path) => fetch(`${apiUrl}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}` } });
}

describe('staff portal: products, quote to cash', () => {
  const { staff, api } = stackUrls();
  const suite = suitePage();

  it('a sales rep creates a product, quotes PT. KITA, sends, confirms, invoices and records a part payment', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const unique = Date.now().toString(36).toUpperCase();
      const sku = `E2E-NASI-${unique}`;
      const productName = `Nasi Liwet E2E ${unique}`;

      await open(page, `${staff}/sign-in/`);
      await submitSignIn(page, DEMO.sales.email, DEMO_PASSWORD);
      await page.waitForURL(`${staff}/`);
      await waitForHydration(page);
      // The demo rep prefers Bahasa Indonesia; this device shows English until we switch (the profile keeps "id").
      await page.evaluate("localStorage.setItem('relasi.locale', 'en')");

      // --- a product ---------------------------------------------------------------------
      await open(page, `${staff}/products/`);
      const nav = page.getByRole('navigation', { name: tr('nav.main') });
      await nav.getByRole('link', { name: tr('nav.quotes'), exact: true }).waitFor();
      await page.getByRole('button', { name: tr('commerce.product.new') }).click();
      const productDialog = page.getByRole('dialog', { name: tr('commerce.product.new') });
      await productDialog.getByLabel(tr('commerce.product.sku')).fill(sku);
      await productDialog.getByLabel(tr('common.name'), { exact: true }).fill(productName);
      await productDialog.getByLabel(tr('commerce.line.unitPrice')).fill('27.500');
      await productDialog.getByLabel(tr('commerce.product.taxPercent')).fill('11');
      await productDialog.getByRole('button', { name: tr('commerce.product.create') }).click();
      await page.waitForURL(/\/product\/\?id=/);
      await page.getByRole('heading', { level: 1, name: `${productName} (${sku})` }).waitFor();
      await detail(page.getByRole('main'), tr('commerce.line.unitPrice')).getByText(money('IDR', '27,500')).waitFor();
      // …and edit it (If-Match under the hood).
      await page.getByRole('button', { name: tr('common.edit') }).click();
      await page.getByRole('main').getByLabel(tr('commerce.line.description')).fill('Nasi liwet with chicken, per portion');
      await page.getByRole('button', { name: tr('common.save'), exact: true }).click();
      await page.getByRole('status').filter({ hasText: new RegExp(`^${escape(tr('common.saved'))}$`) }).waitFor();
      await detail(page.getByRole('main'), tr('commerce.line.description')).getByText('Nasi liwet with chicken, per portion').waitFor();

      // --- a quote for PT. KITA ------------------------------------------------------------
      await nav.getByRole('link', { name: tr('nav.quotes'), exact: true }).click();
      await page.waitForURL(`${staff}/quotes/`);
      await waitForHydration(page);
      await page.getByRole('button', { name: tr('commerce.quote.new') }).click();
      const quoteDialog = page.getByRole('dialog', { name: tr('commerce.quote.new') });
      await quoteDialog.getByLabel(tr('accounts.search')).fill('PT. KI');
      await quoteDialog.getByRole('button', { name: tr('common.select', { name: 'PT. KITA' }) }).click();
      await quoteDialog.getByText(tr('common.selected', { name: 'PT. KITA' })).waitFor();
      await quoteDialog.getByRole('button', { name: tr('common.createQuote') }).click();
      await page.waitForURL(/\/quote\/\?id=/);
      const quoteId = new URL(page.url()).searchParams.get('id')!;
      const quoteHeading = page.getByRole('heading', { level: 1, name: /^Quote / });
      await quoteHeading.waitFor();
      const quoteNumber = (await quoteHeading.innerText()).replace(/^Quote /, '');
      // Records name each other: the account by its name, as a link to its page.
      await detail(page.getByRole('main'), tr('common.account')).getByRole('link', { name: 'PT. KITA', exact: true }).waitFor();

      // Line 1: the new product (description, price and tax come from it), 12 portions.
      const line = (key: TextKey, n: number) => page.getByLabel(tr('commerce.line.of', { field: tr(key), n }), { exact: true });
      await page.getByRole('button', { name: tr('commerce.line.add') }).click();
      await line('commerce.line.product', 1).selectOption({ label: `${productName} (${sku})` });
      await line('commerce.line.quantity', 1).fill('12');
      expect(await line('commerce.line.description', 1).inputValue()).toBe(productName);
      expect(await line('commerce.line.tax', 1).inputValue()).toBe('11');
      // Line 2, added from the keyboard: free text, 2 × Rp 125.000 less 10 %, 11 % tax.
      await page.getByRole('button', { name: tr('commerce.line.add') }).focus();
      await page.keyboard.press('Enter');
      await line('commerce.line.description', 2).fill('Ongkos kirim ke pabrik Cikarang');
      await line('commerce.line.quantity', 2).fill('2');
      await line('commerce.line.unitPrice', 2).fill('125.000');
      await line('commerce.line.discount', 2).fill('10');
      await line('commerce.line.tax', 2).fill('11');
      // Reordering with the keyboard: Alt+Arrow up moves the delivery line first, and back.
      await line('commerce.line.tax', 2).press('Alt+ArrowUp');
      expect(await line('commerce.line.description', 1).inputValue()).toBe('Ongkos kirim ke pabrik Cikarang');
      await page.getByRole('button', { name: tr('commerce.line.moveDown', { n: 1 }) }).click();
      expect(await line('commerce.line.description', 1).inputValue()).toBe(productName);

      // Hand-checked: 12 × 27.500 = 330.000 + 11 % 36.300; 2 × 125.000 − 10 % = 225.000 + 11 % 24.750.
      // Subtotal 555.000, tax 61.050, total 616.050 (the preview first, then what the server saved).
      const totals = page.getByRole('region', { name: tr('commerce.doc.totals') });
      await totals.getByText(tr('commerce.quote.preview')).waitFor();
      await detail(totals, tr('common.total')).getByText(money('IDR', '616,050')).waitFor();
      await page.getByRole('button', { name: tr('common.save'), exact: true }).click();
      await page.getByRole('status').filter({ hasText: new RegExp(`^${escape(tr('common.saved'))}$`) }).waitFor();
      await totals.getByText(tr('commerce.quote.serverTotals')).waitFor();
      await detail(totals, tr('commerce.doc.subtotal')).getByText(money('IDR', '555,000')).waitFor();
      await detail(totals, tr('commerce.doc.taxTotal')).getByText(money('IDR', '61,050')).waitFor();
      await detail(totals, tr('common.total')).getByText(money('IDR', '616,050')).waitFor();
      // The same figures in minor units, as the API stored them (read with the page's session).
      const saved = (await (await page.request.get(`${staff}/api/v1/quotes/${quoteId}`)).json()) as { total: number; version: number; lines: { total: number }[] };
      expect(saved.total).toBe(61_605_000);
      expect(saved.lines.map((l) => l.total)).toEqual([36_630_000, 24_975_000]);

      // Someone else changes the quote meanwhile: saving answers 409, and "Reload" shows their version.
      const elsewhere = await page.request.patch(`${staff}/api/v1/quotes/${quoteId}`, {
        headers: { 'if-match': String(saved.version), origin: staff },
        data: { validUntil: '2099-12-31' },
      });
      expect(elsewhere.status()).toBe(200);
      await line('commerce.line.quantity', 2).fill('3');
      await page.getByRole('button', { name: tr('common.save'), exact: true }).click();
      await page.getByRole('alert').getByText(tr('error.version_conflict')).waitFor();
      await page.getByRole('button', { name: tr('common.reload') }).click();
      await detail(page.getByRole('main'), tr('commerce.quote.validUntil')).getByText('31 Dec 2099').waitFor();
      expect(await line('commerce.line.quantity', 2).inputValue()).toBe('2');

      // --- send (asks first) ---------------------------------------------------------------
      // A draft also offers "Confirm sale" straight away: sending is optional.
      await page.getByRole('button', { name: tr('commerce.quote.confirmSale') }).waitFor();
      await page.getByRole('button', { name: tr('commerce.quote.send') }).click();
      const sendDialog = page.getByRole('dialog', { name: tr('commerce.quote.sendTitle') });
      await sendDialog.getByText(tr('commerce.quote.sendText', { number: quoteNumber, account: 'PT. KITA' })).waitFor();
      await sendDialog.getByRole('button', { name: tr('commerce.quote.send') }).click();
      await page.getByRole('status').filter({ hasText: tr('commerce.quote.sentNotice') }).waitFor();
      await page.getByRole('main').getByText(tr('commerce.quoteStatus.sent'), { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: tr('commerce.line.add') }).count()).toBe(0);

      // The customer accepts in the customer portal (another engineer's pages): here through the API.
      const customer = await apiAs(api, DEMO.customer.email);
      expect((await customer('POST', `/quotes/${quoteId}/accept`)).status).toBe(200);

      // --- confirm the sale → the order ----------------------------------------------------
      await open(page, page.url());
      await page.getByRole('button', { name: tr('commerce.quote.confirmSale') }).click();
      const confirmDialog = page.getByRole('dialog', { name: tr('commerce.quote.confirmTitle') });
      await confirmDialog.getByRole('button', { name: tr('commerce.quote.confirmSale') }).click();
      await page.waitForURL(/\/order\/\?id=/);
      await waitForHydration(page);
      await page.getByRole('heading', { level: 1, name: /^Sales order / }).waitFor();
      await detail(page.getByRole('main'), tr('common.total')).first().getByText(money('IDR', '616,050')).waitFor();
      await detail(page.getByRole('main'), tr('common.account')).getByRole('link', { name: 'PT. KITA', exact: true }).waitFor();
      await detail(page.getByRole('main'), tr('commerce.doc.quote')).getByRole('link', { name: quoteNumber, exact: true }).waitFor();

      // --- the invoice -----------------------------------------------------------------------
      await page.getByRole('button', { name: tr('commerce.order.createInvoice') }).click();
      await page.getByRole('dialog', { name: tr('commerce.order.invoiceTitle') }).getByRole('button', { name: tr('commerce.order.createInvoice') }).click();
      await page.waitForURL(/\/invoice\/\?id=/);
      await waitForHydration(page);
      const invoiceHeading = page.getByRole('heading', { level: 1, name: /^Invoice / });
      await invoiceHeading.waitFor();
      const invoiceNumber = (await invoiceHeading.innerText()).replace(/^Invoice /, '');
      const main = page.getByRole('main');
      await detail(main, tr('commerce.invoice.amountDue')).getByText(money('IDR', '616,050')).waitFor();
      await detail(main, tr('common.account')).getByRole('link', { name: 'PT. KITA', exact: true }).waitFor();
      await detail(main, tr('commerce.order.number')).getByRole('link', { name: /^SO-/ }).waitFor();

      // More than is due: the API refuses, and the dialog says why.
      await page.getByRole('button', { name: tr('commerce.invoice.recordPayment') }).click();
      let paymentDialog = page.getByRole('dialog', { name: tr('commerce.invoice.recordPayment') });
      await paymentDialog.getByLabel(tr('commerce.invoice.paymentAmount')).fill('1.000.000');
      await paymentDialog.getByRole('button', { name: tr('commerce.invoice.recordPayment') }).click();
      await paymentDialog.getByRole('alert').getByText(tr('commerce.error.payment_exceeds_amount_due')).waitFor();
      await paymentDialog.getByRole('button', { name: tr('common.close') }).click();

      // A part payment: the amount due drops.
      await page.getByRole('button', { name: tr('commerce.invoice.recordPayment') }).click();
      paymentDialog = page.getByRole('dialog', { name: tr('commerce.invoice.recordPayment') });
      await paymentDialog.getByLabel(tr('commerce.invoice.paymentAmount')).fill('200.000');
      await paymentDialog.getByRole('button', { name: tr('commerce.invoice.recordPayment') }).click();
      await page.getByRole('status').filter({ hasText: /The payment of IDR\s200,000 is recorded\./ }).waitFor();
      await detail(main, tr('commerce.invoice.amountDue')).getByText(money('IDR', '416,050')).waitFor();
      await page.getByRole('region', { name: tr('commerce.invoice.payments') }).getByRole('cell', { name: money('IDR', '200,000') }).waitFor();

      // --- the PDF -----------------------------------------------------------------------------
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: tr('commerce.doc.downloadPdfOf', { number: invoiceNumber }) }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${invoiceNumber}.pdf`);
      const bytes = await readStream(await download.createReadStream());
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

      // --- Bahasa Indonesia ----------------------------------------------------------------------
      await page.getByLabel(tr('common.language')).selectOption('id');
      await page.getByRole('heading', { level: 1, name: text('id', 'commerce.invoice.heading', { number: invoiceNumber }) }).waitFor();
      await page.getByRole('button', { name: text('id', 'commerce.invoice.recordPayment') }).waitFor();
      await detail(main, text('id', 'commerce.invoice.amountDue')).getByText(money('Rp', '416.050')).waitFor();
      await page.getByRole('navigation', { name: text('id', 'nav.main') }).getByRole('link', { name: text('id', 'nav.invoices'), exact: true }).waitFor();
    }));

  it('"Create quote" on an opportunity opens the new quote with its account and opportunity chosen', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      // Signed in by the test above; back to English on this device.
      await page.evaluate("localStorage.setItem('relasi.locale', 'en')");
      const accounts = (await (await page.request.get(`${staff}/api/v1/accounts?q=PT.%20KITA`)).json()) as { items: { id: string; name: string }[] };
      const kita = accounts.items.find((account) => account.name === 'PT. KITA')!;
      const opportunities = (await (await page.request.get(`${staff}/api/v1/opportunities?accountId=${kita.id}`)).json()) as { items: { id: string; name: string; status: string }[] };
      const opportunity = opportunities.items.find((item) => item.status === 'open')!;

      // The kanban card names its account, as a link.
      await open(page, `${staff}/pipeline/`);
      const card = page.locator('.kanban-card').filter({ has: page.getByRole('link', { name: opportunity.name, exact: true }) });
      await card.getByRole('link', { name: 'PT. KITA', exact: true }).waitFor();

      await open(page, `${staff}/opportunity/?id=${opportunity.id}`);
      await detail(page.getByRole('main'), tr('common.account')).getByRole('link', { name: 'PT. KITA', exact: true }).waitFor();
      await page.getByRole('link', { name: tr('common.createQuote') }).click();
      await page.waitForURL(/\/quotes\/\?opportunityId=/);
      const dialog = page.getByRole('dialog', { name: tr('commerce.quote.new') });
      await dialog.getByText(tr('commerce.quote.fromOpportunity', { name: opportunity.name, account: 'PT. KITA' })).waitFor();
      await dialog.getByText(tr('common.selected', { name: 'PT. KITA' })).waitFor();
      const chosen = dialog.getByLabel(tr('common.opportunity'));
      await chosen.locator('option:checked', { hasText: opportunity.name }).waitFor({ state: 'attached' });
      expect(await chosen.inputValue()).toBe(opportunity.id);
      await dialog.getByRole('button', { name: tr('common.close') }).click();
      await dialog.waitFor({ state: 'hidden' });
    }));
});

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
