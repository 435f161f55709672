import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { apiAs } from '../support/api';
import { DEMO_PASSWORD, launchBrowser, newPage, open, submitSignIn, waitForHydration, withPageReport } from '../support/browser';
import { hasLink, linkIn, waitForMail } from '../support/mail';
import { stackUrls } from '../support/stack-env';
import { DEMO, text, type TextKey } from '../support/texts';

jest.setTimeout(180_000);

/** The whole story runs in English (each device is switched once; the profiles keep their language). */
const tr = (key: TextKey, params?: Record<string, string | number>) => text('en', key, params);
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Opportunity = { id: string; stage: string; probability: number; status: string; contactId?: string; expectedRevenue: { amount: number; currency: string } };
type Quote = { id: string; number: string; status: string; total: number };
type Invoice = { id: string; number: string; status: string; total: number; amountDue: number };

async function pdfBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Clicks a PDF link and checks that a real PDF named after the document arrives. */
async function expectPdf(page: Page, link: Locator, number: string): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  expect((await pdfBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

/**
 * The worked example of the source material, across the staff and customer portals: PT. Kaktus
 * Berduri's sales rep wins a catering customer from lead to invoice, and the customer accepts
 * the quotation in its own portal.
 */
describe('worked example: from a lead to an invoice, with the customer accepting online', () => {
  const { staff, customer, mail, api } = stackUrls();
  let browser: Browser;
  let staffContext: BrowserContext;
  let customerContext: BrowserContext;
  let sales: Page;
  let buyer: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context: staffContext, page: sales } = await newPage(browser));
    ({ context: customerContext, page: buyer } = await newPage(browser));
  });

  afterAll(async () => {
    await staffContext?.close();
    await customerContext?.close();
    await browser?.close();
  });

  it('sales creates the customer and the lead, converts, logs a call, moves the deal to negotiation, quotes and sends; the customer accepts; sales confirms and invoices; the PDFs download', async () => {
    const unique = Date.now().toString(36);
    const accountName = `PT. Rasa Nusantara ${unique}`;
    const lastName = `Lestari${unique}`;
    const contactName = `Sari ${lastName}`;
    const email = `sari.${unique}@rasa-nusantara.example`;
    const opportunityName = `Katering makan siang ${unique}`;
    const lineText = `Nasi box makan siang karyawan ${unique}`;
    let accountId = '';
    let opportunityId = '';
    let quote: Quote | undefined;

    await withPageReport(sales, async () => {
      // --- sign in as the sales rep ------------------------------------------------------
      await open(sales, `${staff}/sign-in/`);
      await submitSignIn(sales, DEMO.sales.email, DEMO_PASSWORD);
      await sales.waitForURL(`${staff}/`);
      await waitForHydration(sales);
      await sales.evaluate("localStorage.setItem('relasi.locale', 'en')");

      // --- the customer --------------------------------------------------------------------
      await open(sales, `${staff}/accounts/`);
      await sales.getByRole('button', { name: tr('crm.accounts.new') }).click();
      const accountDialog = sales.getByRole('dialog', { name: tr('crm.accounts.new') });
      await accountDialog.getByLabel(tr('common.name'), { exact: true }).fill(accountName);
      await accountDialog.getByLabel(tr('crm.accounts.industry')).fill('Manufacturing');
      await accountDialog.getByRole('button', { name: tr('crm.accounts.create') }).click();
      await sales.waitForURL(/\/account\/\?id=/);
      accountId = new URL(sales.url()).searchParams.get('id')!;
      await sales.getByRole('heading', { level: 1, name: accountName }).waitFor();

      // --- the lead, with an internal memo -------------------------------------------------
      await open(sales, `${staff}/leads/`);
      await sales.getByRole('button', { name: tr('sales.lead.new') }).click();
      const leadDialog = sales.getByRole('dialog', { name: tr('sales.lead.new') });
      await leadDialog.getByLabel(tr('common.title'), { exact: true }).fill(`Lunch boxes for ${accountName}`);
      await leadDialog.getByLabel(tr('common.company')).fill(accountName);
      await leadDialog.getByLabel(tr('sales.lead.contactName'), { exact: true }).fill(contactName);
      await leadDialog.getByLabel(tr('common.email')).fill(email);
      await leadDialog.getByLabel(tr('sales.lead.memo')).fill('Met at the Jakarta food expo; 200 staff, wants a weekly menu.');
      await leadDialog.getByRole('button', { name: tr('sales.lead.create') }).click();
      await sales.waitForURL(/\/lead\/\?id=/);
      await waitForHydration(sales);
      await sales.getByText('Met at the Jakarta food expo; 200 staff, wants a weekly menu.').waitFor();

      // --- convert: an opportunity on the customer's account, with revenue and probability --
      await sales.getByRole('button', { name: tr('sales.lead.convert'), exact: true }).click();
      const convert = sales.getByRole('dialog', { name: tr('sales.lead.convertTitle') });
      await convert.getByLabel(tr('sales.lead.existingAccount')).check();
      await convert.getByLabel(tr('accounts.search')).fill(accountName);
      await convert.getByRole('button', { name: tr('common.select', { name: accountName }) }).click();
      await convert.getByText(tr('common.selected', { name: accountName })).waitFor();
      await convert.getByLabel(tr('sales.opportunity.name'), { exact: true }).fill(opportunityName);
      await convert.getByLabel(tr('sales.opportunity.expectedRevenue')).fill('150.000.000');
      await convert.getByLabel(tr('sales.opportunity.probabilityPercent')).fill('40');
      await convert.getByRole('button', { name: tr('sales.lead.convert'), exact: true }).click();
      await sales.getByRole('link', { name: tr('open.opportunity') }).click();
      await sales.waitForURL(/\/opportunity\/\?id=/);
      await waitForHydration(sales);
      opportunityId = new URL(sales.url()).searchParams.get('id')!;
      await sales.getByRole('heading', { level: 1, name: opportunityName }).waitFor();

      const asSales = await apiAs(api, DEMO.sales.email);
      const converted = await asSales<Opportunity>('GET', `/opportunities/${opportunityId}`);
      expect(converted).toMatchObject({ status: 'open', probability: 40, expectedRevenue: { amount: 15_000_000_000, currency: 'IDR' } });

      // --- log a call --------------------------------------------------------------------
      await sales.getByRole('button', { name: tr('sales.activity.logCall') }).click();
      const call = sales.getByRole('dialog', { name: tr('sales.activity.logCall') });
      await call.getByLabel(tr('sales.activity.subject'), { exact: true }).fill('Menu tasting scheduled');
      await call.getByLabel(tr('sales.activity.outcome')).fill('Wants a tasting for 10 people next Tuesday.');
      await call.getByLabel(tr('sales.activity.duration')).fill('15');
      await call.getByRole('button', { name: tr('sales.activity.saveCall') }).click();
      await sales.getByRole('status').filter({ hasText: tr('sales.activity.saved') }).waitFor();
      await sales.getByRole('region', { name: tr('sales.activity.title') }).getByText('Menu tasting scheduled').waitFor();

      // --- drag the card to negotiation --------------------------------------------------
      await open(sales, `${staff}/pipeline/`);
      const card = sales.locator('li.kanban-card', { hasText: opportunityName });
      const negotiation = sales.locator('section.kanban-column', { has: sales.getByRole('heading', { level: 2, name: new RegExp(`^${escape(tr('sales.stage.negotiation'))}`) }) });
      await card.dragTo(negotiation);
      await sales.getByText(tr('sales.pipeline.moved', { name: opportunityName, stage: tr('sales.stage.negotiation') })).waitFor();
      await negotiation.locator('li.kanban-card', { hasText: opportunityName }).waitFor();
      // The probability was set by hand, so it stays with the card.
      expect(await asSales<Opportunity>('GET', `/opportunities/${opportunityId}`)).toMatchObject({ stage: 'negotiation', probability: 40 });

      // --- the contact becomes the account's primary contact (quotes are mailed to them) ---
      await open(sales, `${staff}/account/?id=${accountId}`);
      const link = sales.getByRole('region', { name: tr('crm.accounts.linkContact') });
      await link.getByLabel(tr('crm.accounts.findContact')).fill(lastName);
      await link.getByRole('button', { name: tr('common.select', { name: contactName }) }).click();
      await link.getByLabel(tr('crm.accounts.role'), { exact: true }).fill('primary');
      await link.getByRole('button', { name: tr('crm.accounts.link') }).click();
      await sales.getByRole('main').getByRole('cell', { name: 'primary', exact: true }).waitFor();

      // --- the quotation from the opportunity --------------------------------------------
      await open(sales, `${staff}/opportunity/?id=${opportunityId}`);
      await sales.getByRole('link', { name: tr('common.createQuote') }).click();
      await sales.waitForURL(/\/quotes\/\?opportunityId=/);
      await waitForHydration(sales);
      const newQuote = sales.getByRole('dialog', { name: tr('commerce.quote.new') });
      await newQuote.getByText(tr('common.selected', { name: accountName })).waitFor();
      await newQuote.getByRole('button', { name: tr('common.createQuote') }).click();
      await sales.waitForURL(/\/quote\/\?id=/);
      await waitForHydration(sales);
      const quoteId = new URL(sales.url()).searchParams.get('id')!;
      const line = (key: TextKey, n: number) => sales.getByLabel(tr('commerce.line.of', { field: tr(key), n }), { exact: true });
      await sales.getByRole('button', { name: tr('commerce.line.add') }).click();
      await line('commerce.line.description', 1).fill(lineText);
      await line('commerce.line.quantity', 1).fill('200');
      await line('commerce.line.unitPrice', 1).fill('35.000');
      await line('commerce.line.discount', 1).fill('5');
      await line('commerce.line.tax', 1).fill('11');
      await sales.getByRole('button', { name: tr('common.save'), exact: true }).click();
      await sales.getByRole('status').filter({ hasText: new RegExp(`^${escape(tr('common.saved'))}$`) }).waitFor();
      // 200 × Rp 35.000 = 7.000.000 − 5 % = 6.650.000, + 11 % tax 731.500 = Rp 7.381.500.
      quote = await asSales<Quote>('GET', `/quotes/${quoteId}`);
      expect(quote.total).toBe(738_150_000);
      await sales.getByRole('region', { name: tr('commerce.doc.totals') }).getByText(/IDR\s7,381,500/).first().waitFor();

      await sales.getByRole('button', { name: tr('commerce.quote.send') }).click();
      await sales.getByRole('dialog', { name: tr('commerce.quote.sendTitle') }).getByRole('button', { name: tr('commerce.quote.send') }).click();
      await sales.getByRole('status').filter({ hasText: tr('commerce.quote.sentNotice') }).waitFor();
      await expectPdf(sales, sales.getByRole('link', { name: tr('commerce.doc.downloadPdfOf', { number: quote.number }) }), quote.number);

      // --- invite the contact to the customer portal ---------------------------------------
      const { contactId } = await asSales<Opportunity>('GET', `/opportunities/${opportunityId}`);
      await open(sales, `${staff}/contact/?id=${contactId}`);
      await sales.getByRole('button', { name: tr('crm.contacts.invite') }).click();
      await sales.getByText(tr('crm.contacts.invited', { email })).waitFor();
    });

    const sent = quote!;
    await withPageReport(buyer, async () => {
      // The quote went out by e-mail with a link to it in the customer portal.
      const quoteLink = `${customer}/quote/?id=${sent.id}`;
      const quoteMail = await waitForMail(mail, email, (m) => hasLink(m, quoteLink));

      // --- the customer sets a password from the invitation and signs in -------------------
      const invitation = await waitForMail(mail, email, (m) => hasLink(m, `${customer}/reset-password/`));
      await open(buyer, linkIn(invitation, `${customer}/reset-password/`));
      const password = `kaktus-${unique}-rahasia`;
      await buyer.getByLabel(tr('identity.auth.newPassword'), { exact: true }).fill(password);
      await buyer.getByLabel(tr('identity.auth.confirmPassword'), { exact: true }).fill(password);
      await buyer.getByRole('button', { name: tr('identity.auth.setPassword') }).click();
      await buyer.getByText(tr('identity.auth.resetDone')).waitFor();
      await open(buyer, `${customer}/sign-in/`);
      await submitSignIn(buyer, email, password);
      await buyer.waitForURL(`${customer}/`);
      await waitForHydration(buyer);
      await buyer.evaluate("localStorage.setItem('relasi.locale', 'en')");

      // --- …finds the quote in the list, opens it from the mail's link and accepts it ------
      await open(buyer, `${customer}/quotes/`);
      await buyer.getByRole('main').getByRole('link', { name: sent.number, exact: true }).waitFor();
      await open(buyer, linkIn(quoteMail, quoteLink));
      const summary = buyer.getByRole('region', { name: tr('commerce.doc.summary') });
      await buyer.getByRole('main').getByText(lineText).waitFor();
      await summary.getByRole('button', { name: tr('commerce.quote.accept') }).click();
      await buyer.getByRole('dialog', { name: tr('commerce.quote.acceptTitle', { number: sent.number }) }).getByRole('button', { name: tr('commerce.quote.accept') }).click();
      await summary.getByText(tr('commerce.quoteStatus.accepted'), { exact: true }).waitFor();
    });

    await withPageReport(sales, async () => {
      // --- back as sales: confirm the sale → the order; invoice it -------------------------
      await open(sales, `${staff}/quote/?id=${sent.id}`);
      await sales.getByRole('button', { name: tr('commerce.quote.confirmSale') }).click();
      await sales.getByRole('dialog', { name: tr('commerce.quote.confirmTitle') }).getByRole('button', { name: tr('commerce.quote.confirmSale') }).click();
      await sales.waitForURL(/\/order\/\?id=/);
      await waitForHydration(sales);
      const asSales = await apiAs(api, DEMO.sales.email);
      expect(await asSales<Opportunity>('GET', `/opportunities/${opportunityId}`)).toMatchObject({ status: 'won' });

      await sales.getByRole('button', { name: tr('commerce.order.createInvoice') }).click();
      await sales.getByRole('dialog', { name: tr('commerce.order.invoiceTitle') }).getByRole('button', { name: tr('commerce.order.createInvoice') }).click();
      await sales.waitForURL(/\/invoice\/\?id=/);
      await waitForHydration(sales);
      const invoiceId = new URL(sales.url()).searchParams.get('id')!;
      const invoice = await asSales<Invoice>('GET', `/invoices/${invoiceId}`);
      expect(invoice).toMatchObject({ status: 'issued', total: 738_150_000, amountDue: 738_150_000 });
      await expectPdf(sales, sales.getByRole('link', { name: tr('commerce.doc.downloadPdfOf', { number: invoice.number }) }), invoice.number);

      // Everything is on the account's 360° timeline.
      const { items } = await asSales<{ items: Array<{ type: string }> }>('GET', `/accounts/${accountId}/timeline?limit=100`);
      const types = new Set(items.map((item) => item.type));
      for (const type of ['lead_converted', 'opportunity', 'activity', 'quote', 'order', 'invoice']) expect(types).toContain(type);
    });
  });
});
