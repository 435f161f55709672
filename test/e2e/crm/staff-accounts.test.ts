import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

jest.setTimeout(45_000);

describe('staff portal: accounts', () => {
  const { staff } = stackUrls();
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
});
