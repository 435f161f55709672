import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

jest.setTimeout(45_000);

// Runs in the page: the test's own TypeScript has no DOM types.
const hasFocus = (element: { ownerDocument: { activeElement: unknown } }) => element === element.ownerDocument.activeElement;

describe('staff portal: global search', () => {
  const { staff } = stackUrls();
  const suite = suitePage();
  // Signing in switches the portal to the user's preferred language (Bahasa Indonesia).
  const { email, name: userName, locale } = DEMO.sales;
  const tr = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text(locale, key, params);

  it('a rep types "kita" after "/" and lands on the PT. KITA account page', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      await open(page, `${staff}/sign-in/`);
      await submitSignIn(page, email, DEMO_PASSWORD);
      await page.waitForURL(`${staff}/`);
      await page.getByText(tr('identity.home.welcome', { name: userName }), { exact: true }).waitFor();
      await waitForHydration(page);

      await page.keyboard.press('/');
      const dialog = page.getByRole('dialog', { name: tr('search.open') });
      const box = dialog.getByRole('combobox', { name: tr('search.label') });
      await box.waitFor();
      expect(await box.evaluate(hasFocus)).toBe(true);
      await box.pressSequentially('kita');

      const accounts = dialog.getByRole('group', { name: tr('search.group.account') });
      const kita = accounts.getByRole('option', { name: /PT\. KITA/ });
      await kita.waitFor();
      // The first hit is the active one: Enter opens it.
      expect(await kita.getAttribute('aria-selected')).toBe('true');
      await box.press('Enter');

      await page.waitForURL(/\/account\/\?id=/);
      await page.getByRole('heading', { level: 1, name: 'PT. KITA' }).waitFor();
    }));

  it('opens with Ctrl+K, walks the hits with the arrow keys and closes with Escape, focus back where it was', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      await open(page, `${staff}/accounts/`);
      await waitForHydration(page);
      const opener = page.getByRole('button', { name: new RegExp(`^${tr('search.open')}`) });
      await opener.focus();
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: tr('search.open') });
      const box = dialog.getByRole('combobox', { name: tr('search.label') });
      await box.waitFor();

      await box.pressSequentially('pt');
      await dialog.getByRole('status').getByText(tr('search.none', { query: 'pt' })).waitFor();

      await box.fill('');
      await box.pressSequentially('sinar');
      const options = dialog.getByRole('option');
      await options.first().waitFor();
      await box.press('ArrowDown');
      const count = await options.count();
      expect(await options.nth(count > 1 ? 1 : 0).getAttribute('aria-selected')).toBe('true');

      await box.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await opener.evaluate(hasFocus)).toBe(true);

      // "/" inside a field types a slash instead of opening the search.
      const listSearch = page.getByRole('search').getByLabel(tr('accounts.search'));
      await listSearch.focus();
      await page.keyboard.press('/');
      expect(await listSearch.inputValue()).toBe('/');
      expect(await dialog.isVisible()).toBe(false);
    }));
});
