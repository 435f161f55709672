import type { Download, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

jest.setTimeout(120_000);

const urls = stackUrls();

type Line = { description: string };
type Quote = { id: string; number: string; status: string; accountId: string; lines: Line[] };
type Order = { id: string; number: string; status: string };
type Invoice = { id: string; number: string; status: string; amountDue: number };
type Account = { id: string; name: string };

/** A sales rep on the API with a bearer token, to prepare the documents the customer will see. */
async function salesApi() {
  const login = await fetch(`${urls.api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.sales.email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sales login: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${urls.api}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The bytes of a download (the browser is remote: read its stream rather than a local path). */
async function downloadedBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Clicks "Download PDF" and checks that a real PDF arrives, as a download and as the API's answer. */
async function expectPdfDownload(page: Page, link: Locator, number: string): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The same address with the page's cookie session: a PDF, not an error page.
  const href = await link.getAttribute('href');
  const answer = await page.request.get(new URL(href!, page.url()).toString());
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('application/pdf');
  expect((await answer.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('customer portal: quotes, orders and invoices', () => {
  const { customer } = urls;
  const suite = suitePage();

  // Prepared as staff: documents of PT. KITA for this test alone (other tests may act on the
  // demo's documents), and a sent quote of another account the customer must never reach.
  let demoQuote: Quote;
  let toAccept: Quote;
  let order: Order;
  let invoice: Invoice;
  let foreign: Quote;
  const foreignText = `Rahasia Sinar Pagi ${Date.now().toString(36)}`;
  const acceptText = `E2E nasi box ${Date.now().toString(36)}`;

  beforeAll(async () => {

    const call = await salesApi();
    const account = async (prefix: string, name: string) => {
      const { items } = await call<{ items: Account[] }>('GET', `/accounts?q=${encodeURIComponent(prefix)}`);
      const found = items.find((item) => item.name === name);
      if (!found) throw new Error(`No demo account ${name}`);
      return found.id;
    };
    const kita = await account('PT. KITA', 'PT. KITA');
    const sinar = await account('PT. Sinar', 'PT. Sinar Pagi');

    const kitaQuotes = await call<{ items: Quote[] }>('GET', `/quotes?accountId=${kita}&limit=100`);
    const seeded = kitaQuotes.items.find((quote) => quote.lines.some((line) => line.description.startsWith('Delivery to the Cikarang plant')));
    if (!seeded) throw new Error("The demo's sent quote for PT. KITA is missing");
    demoQuote = seeded;

    const sentQuote = async (accountId: string, description: string) => {
      const draft = await call<Quote>('POST', '/quotes', {
        accountId,
        currency: 'IDR',
        validUntil: isoDay(14),
        // Rp 35.000 × 40, 5 % off, 11 % tax → Rp 1.476.300.
        lines: [{ description, quantity: 40, unitPrice: 3_500_000, discountPercent: 5, taxPercent: 11 }],
      });
      return call<Quote>('POST', `/quotes/${draft.id}/send`);
    };
    toAccept = await sentQuote(kita, acceptText);
    const ordered = await sentQuote(kita, `E2E snack rapat ${Date.now().toString(36)}`);
    const { orderId } = await call<{ orderId: string }>('POST', `/quotes/${ordered.id}/confirm`);
    order = await call<Order>('GET', `/orders/${orderId}`);
    const { invoiceId } = await call<{ invoiceId: string }>('POST', `/orders/${orderId}/invoice`);
    invoice = await call<Invoice>('GET', `/invoices/${invoiceId}`);
    foreign = await sentQuote(sinar, foreignText);
  });

  it('a customer contact reads, downloads and accepts its quotes, follows its orders and invoices, in English and Indonesian, and nothing of another account', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      // Switching the language also saves it in the profile; the demo login's preference
      // (Bahasa Indonesia) is shared with the other e2e files, so keep it as it is.
      await suite.context.route('**/api/v1/auth/me', (route) => (route.request().method() === 'PATCH' ? route.abort() : route.continue()));

      // Signing in switches to the login's preferred language, Bahasa Indonesia.
      await open(page, `${customer}/sign-in/`);
      await submitSignIn(page, DEMO.customer.email, DEMO_PASSWORD);
      await page.waitForURL(`${customer}/`);
      await page.getByText(text('id', 'identity.home.welcome', { name: DEMO.customer.name }), { exact: true }).waitFor();
      // The home shows the newest documents of each kind.
      const quotesCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: text('id', 'nav.quotes'), exact: true }) });
      await quotesCard.getByRole('link', { name: /^Q-\d{4}-\d{5,}$/ }).first().waitFor();
      await quotesCard.getByRole('link', { name: text('id', 'commerce.quotes.all') }).waitFor();

      // Now in English.
      await page.getByLabel(text('id', 'common.language')).selectOption('en');
      await page.getByText(text('en', 'identity.home.welcome', { name: DEMO.customer.name }), { exact: true }).waitFor();
      const nav = page.getByRole('navigation', { name: text('en', 'nav.main') });

      // Quotes: the demo's quote and the one to accept are listed; the other account's is not.
      await nav.getByRole('link', { name: text('en', 'nav.quotes'), exact: true }).click();
      await page.waitForURL(`${customer}/quotes/`);
      await waitForHydration(page);
      const main = page.getByRole('main');
      const table = main.getByRole('table');
      await table.getByRole('link', { name: demoQuote.number, exact: true }).waitFor();
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: toAccept.number, exact: true }) });
      await row.getByText(text('en', 'commerce.quoteStatus.sent'), { exact: true }).waitFor();
      expect(await main.innerText()).not.toContain(foreign.number);

      // One quote: lines, totals, status.
      await row.getByRole('link', { name: toAccept.number, exact: true }).click();
      await page.waitForURL(/\/quote\/\?id=/);
      await waitForHydration(page);
      await main.getByRole('heading', { level: 1, name: text('en', 'commerce.quote.heading', { number: toAccept.number }) }).waitFor();
      const lines = main.getByRole('region', { name: text('en', 'commerce.doc.lines') });
      await lines.getByRole('rowheader', { name: acceptText }).waitFor();
      for (const column of ['commerce.line.quantity', 'commerce.line.unitPrice', 'commerce.line.discount', 'commerce.line.tax', 'commerce.line.total'] as const) {
        await lines.getByRole('columnheader', { name: text('en', column), exact: true }).waitFor();
      }
      expect(await lines.innerText()).toContain('1,476,300');
      const summary = main.getByRole('region', { name: text('en', 'commerce.doc.summary') });
      await summary.getByText(text('en', 'commerce.quoteStatus.sent'), { exact: true }).waitFor();
      await summary.getByText(text('en', 'commerce.quote.awaiting')).waitFor();

      // Its PDF, through the same-origin API with the portal's cookie.
      await expectPdfDownload(page, summary.getByRole('link', { name: text('en', 'commerce.doc.downloadPdfOf', { number: toAccept.number }) }), toAccept.number);

      // Accept, after a confirmation; then it reads as accepted and cannot be accepted again.
      await summary.getByRole('button', { name: text('en', 'commerce.quote.accept') }).click();
      const dialog = page.getByRole('dialog', { name: text('en', 'commerce.quote.acceptTitle', { number: toAccept.number }) });
      await dialog.getByRole('button', { name: text('en', 'commerce.quote.accept') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').filter({ hasText: text('en', 'commerce.quote.accepted') }).waitFor();
      await summary.getByText(text('en', 'commerce.quoteStatus.accepted'), { exact: true }).waitFor();
      expect(await summary.getByRole('button', { name: text('en', 'commerce.quote.accept') }).count()).toBe(0);
      const accepted = await page.request.get(`${customer}/api/v1/quotes/${toAccept.id}`);
      expect(((await accepted.json()) as Quote).status).toBe('accepted');

      // Orders: the confirmed order, its status and where it stands.
      await nav.getByRole('link', { name: text('en', 'nav.orders'), exact: true }).click();
      await page.waitForURL(`${customer}/orders/`);
      await waitForHydration(page);
      const orderRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: order.number, exact: true }) });
      await orderRow.getByText(text('en', 'commerce.orderStatus.confirmed'), { exact: true }).waitFor();
      await orderRow.getByRole('link', { name: order.number, exact: true }).click();
      await page.waitForURL(/\/order\/\?id=/);
      await waitForHydration(page);
      await main.getByRole('heading', { level: 1, name: text('en', 'commerce.order.heading', { number: order.number }) }).waitFor();
      const progress = main.getByRole('list', { name: text('en', 'commerce.order.progress') });
      const currentStep = progress.locator('[aria-current="step"]');
      await currentStep.waitFor();
      expect(await currentStep.innerText()).toContain(text('en', 'commerce.orderStatus.confirmed'));
      expect(await progress.getByRole('listitem').count()).toBe(4);
      await main.getByRole('region', { name: text('en', 'commerce.doc.lines') }).getByRole('table').waitFor();

      // Invoices: the issued invoice with its amount due, and its PDF.
      await nav.getByRole('link', { name: text('en', 'nav.invoices'), exact: true }).click();
      await page.waitForURL(`${customer}/invoices/`);
      await waitForHydration(page);
      const invoiceRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: invoice.number, exact: true }) });
      await invoiceRow.getByText(text('en', 'commerce.invoiceStatus.issued'), { exact: true }).waitFor();
      expect(await invoiceRow.innerText()).toContain('1,476,300');
      await invoiceRow.getByRole('link', { name: invoice.number, exact: true }).click();
      await page.waitForURL(/\/invoice\/\?id=/);
      await waitForHydration(page);
      await main.getByRole('heading', { level: 1, name: text('en', 'commerce.invoice.heading', { number: invoice.number }) }).waitFor();
      const invoiceSummary = main.getByRole('region', { name: text('en', 'commerce.doc.summary') });
      await invoiceSummary.getByText(text('en', 'commerce.invoice.amountDue'), { exact: true }).waitFor();
      expect(await invoiceSummary.innerText()).toContain('1,476,300');
      await invoiceSummary.getByText(text('en', 'commerce.invoiceStatus.issued'), { exact: true }).waitFor();
      await main.getByRole('region', { name: text('en', 'commerce.invoice.payments') }).getByText(text('en', 'commerce.invoice.noPayments')).waitFor();
      // How to pay: the company's bank account (demo settings), the invoice number as the reference.
      const howToPay = main.getByRole('region', { name: text('en', 'commerce.payment.heading') });
      await howToPay.getByText('123-456-7890', { exact: true }).waitFor();
      expect(await howToPay.innerText()).toContain(invoice.number);
      await expectPdfDownload(page, invoiceSummary.getByRole('link', { name: text('en', 'commerce.doc.downloadPdfOf', { number: invoice.number }) }), invoice.number);

      // Bahasa Indonesia: the same page in the other language, money in rupiah style.
      await page.getByLabel(text('en', 'common.language')).selectOption('id');
      await main.getByRole('heading', { level: 1, name: text('id', 'commerce.invoice.heading', { number: invoice.number }) }).waitFor();
      const ringkasan = main.getByRole('region', { name: text('id', 'commerce.doc.summary') });
      await ringkasan.getByText(text('id', 'commerce.invoice.amountDue'), { exact: true }).waitFor();
      await ringkasan.getByText(text('id', 'commerce.invoiceStatus.issued'), { exact: true }).waitFor();
      await ringkasan.getByRole('link', { name: text('id', 'commerce.doc.downloadPdfOf', { number: invoice.number }) }).waitFor();
      expect(await ringkasan.innerText()).toContain('1.476.300');
      const navigasi = page.getByRole('navigation', { name: text('id', 'nav.main') });
      await navigasi.getByRole('link', { name: text('id', 'nav.orders'), exact: true }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('id');

      // Another account's quote: "not found", and nothing of it on the page.
      await open(page, `${customer}/quote/?id=${encodeURIComponent(foreign.id)}`);
      await main.getByRole('alert').filter({ hasText: text('id', 'error.not_found') }).waitFor();
      await main.getByRole('heading', { level: 1, name: text('id', 'commerce.doc.quote'), exact: true }).waitFor();
      const shown = await page.locator('body').innerText();
      for (const secret of [foreign.number, foreignText, 'Sinar']) expect(shown).not.toContain(secret);
      expect(await main.getByRole('link', { name: text('id', 'commerce.doc.downloadPdfOf', { number: foreign.number }) }).count()).toBe(0);
      // The API answers as if it did not exist, the PDF included.
      expect((await page.request.get(`${customer}/api/v1/quotes/${foreign.id}`)).status()).toBe(404);
      expect((await page.request.get(`${customer}/api/v1/quotes/${foreign.id}/pdf`)).status()).toBe(404);
    }));
});
