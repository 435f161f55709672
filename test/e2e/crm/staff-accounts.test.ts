import { apiAs } from '../support/api';
import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text, type Locale } from '../support/texts';

jest.setTimeout(45_000);

const TIMELINE_TYPES = ['note', 'audit', 'contact_linked', 'contact_unlinked', 'lead_converted', 'activity', 'opportunity', 'quote', 'order', 'invoice', 'payment', 'ticket'] as const;

describe('staff portal: accounts', () => {
  const { staff, api } = stackUrls();
  const suite = suitePage();

  it('a sales rep signs in, creates an account and finds it in the list and by name', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const name = `E2E Katering ${Date.now().toString(36)}`;
      // Signing in switches the portal to the user's preferred language (Bahasa Indonesia).
      const { email, name: userName, locale } = DEMO.sales;
      const tr = (key: Parameters<typeof text>[1], params?: Record<string, string>) => text(locale, key, params);

      await open(page, `${staff}/sign-in/`);
      await submitSignIn(page, email, DEMO_PASSWORD);
      await page.waitForURL(`${staff}/`);
      await page.getByText(tr('identity.home.welcome', { name: userName }), { exact: true }).waitFor();

      await page.getByRole('navigation', { name: tr('nav.main') }).getByRole('link', { name: tr('nav.accounts'), exact: true }).click();
      await page.waitForURL(`${staff}/accounts/`);
      await waitForHydration(page);
      await page.getByRole('button', { name: tr('crm.accounts.new') }).click();

      const dialog = page.getByRole('dialog', { name: tr('crm.accounts.new') });
      await dialog.getByLabel(tr('common.name'), { exact: true }).fill(name);
      await dialog.getByLabel(tr('crm.accounts.industry')).fill('Catering');
      await dialog.getByLabel(tr('common.email')).fill('halo@e2e-katering.example');
      await dialog.getByRole('button', { name: tr('crm.accounts.create') }).click();

      // The new account's own page, titled with its name.
      await page.waitForURL(/\/account\/\?id=/);
      await page.getByRole('heading', { level: 1, name }).waitFor();

      // In the list…
      await open(page, `${staff}/accounts/`);
      const table = page.getByRole('table');
      await table.getByRole('link', { name, exact: true }).waitFor();

      // …and found by the beginning of its name: the only row left.
      const search = page.getByRole('search').getByLabel(tr('accounts.search'));
      await search.fill(name.slice(0, -2));
      await search.press('Enter');
      const rows = table.locator('tbody').getByRole('row');
      // The other accounts leave the table (the seed has several), the new one stays.
      await rows.filter({ hasNotText: name }).first().waitFor({ state: 'detached' });
      await rows.filter({ hasText: name }).first().waitFor();
      expect(await rows.count()).toBe(1);
      await rows.first().getByRole('rowheader').getByRole('link', { name, exact: true }).waitFor();
      await rows.first().getByRole('cell', { name: 'Catering', exact: true }).waitFor();
    }));

  it('the account page lists its quote and ticket, each naming its record, in English and Bahasa Indonesia', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const sales = await apiAs(api, DEMO.sales.email);
      const accounts = await sales<{ items: { id: string; name: string }[] }>('GET', '/accounts?limit=100');
      const kita = accounts.items.find((account) => account.name === 'PT. KITA')!;
      const quotes = await sales<{ items: { number: string }[] }>('GET', `/quotes?accountId=${kita.id}&limit=5`);
      const tickets = await sales<{ items: { number: string; subject: string }[] }>('GET', `/tickets?accountId=${kita.id}&limit=5`);
      expect([quotes.items.length > 0, tickets.items.length > 0]).toEqual([true, true]);

      // The sign-in form in English, whatever language an earlier test left on this device.
      await open(page, `${staff}/sign-in/`);
      await page.evaluate("localStorage.setItem('relasi.locale', 'en')");
      await open(page, `${staff}/sign-in/`);
      await submitSignIn(page, DEMO.sales.email, DEMO_PASSWORD);
      await page.waitForURL(`${staff}/`);
      for (const locale of ['en', 'id'] as Locale[]) {
        const tr = (key: Parameters<typeof text>[1], params?: Record<string, string>) => text(locale, key, params);
        await page.evaluate(`localStorage.setItem('relasi.locale', '${locale}')`);
        await open(page, `${staff}/account/?id=${encodeURIComponent(kita.id)}`);
        await page.getByRole('heading', { level: 1, name: 'PT. KITA' }).waitFor();

        const quoteList = page.getByRole('region', { name: tr('nav.quotes'), exact: true });
        await quoteList.getByRole('rowheader').getByRole('link', { name: quotes.items[0]!.number, exact: true }).waitFor();
        const ticketList = page.getByRole('region', { name: tr('nav.tickets'), exact: true });
        await ticketList.getByRole('link', { name: tickets.items[0]!.number, exact: true }).waitFor();
        await ticketList.getByRole('cell', { name: tickets.items[0]!.subject, exact: true }).waitFor();
        for (const key of ['crm.related.opportunities', 'nav.orders', 'nav.invoices'] as const) {
          await page.getByRole('region', { name: tr(key), exact: true }).waitFor();
        }
        await page.getByRole('region', { name: tr('nav.invoices'), exact: true }).getByRole('columnheader', { name: tr('commerce.invoice.amountDue') }).waitFor();

        // The timeline speaks the reader's language: translated type words, never the stored values.
        const timeline = page.getByRole('region', { name: tr('crm.accounts.timeline'), exact: true });
        await timeline.locator('.badge').first().waitFor();
        const words = TIMELINE_TYPES.map((type) => tr(`crm.timelineType.${type}`));
        const badges = await timeline.locator('.badge').allTextContents();
        expect(badges.filter((word) => !words.includes(word))).toEqual([]);
      }
    }));
});
