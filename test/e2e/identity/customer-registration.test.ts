import { open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { linkIn, waitForMail } from '../support/mail';
import { stackUrls } from '../support/stack-env';
import { text } from '../support/texts';

jest.setTimeout(45_000);

/** A visitor registers in English, so the whole flow stays in English. */
const tr = (key: Parameters<typeof text>[1], params?: Record<string, string>) => text('en', key, params);

describe('customer portal: self-registration', () => {
  const { customer, mail } = stackUrls();
  const suite = suitePage();

  it('a new customer registers, confirms the e-mail from the verification mail and signs in', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const email = `e2e-${unique}@pelanggan.example`;
      const name = `Sari E2E ${unique}`;
      const password = 'sangat-rahasia-2026';

      await open(page, `${customer}/register/`);
      const form = page.getByRole('main');
      await form.getByLabel(tr('common.name'), { exact: true }).fill(name);
      await form.getByLabel(tr('common.email'), { exact: true }).fill(email);
      await form.getByLabel(tr('common.company'), { exact: true }).fill('CV. Pelanggan Setia');
      await form.getByLabel(tr('identity.auth.password'), { exact: true }).fill(password);
      await form.getByRole('button', { name: tr('auth.register'), exact: true }).click();
      await page.getByRole('status').filter({ hasText: tr('identity.auth.registered') }).waitFor();

      // The stream pump sends the outbox mail to the catcher; its link opens the portal's verify page.
      const verification = await waitForMail(mail, email);
      const link = linkIn(verification, `${customer}/verify/?token=`);

      await open(page, link);
      await page.getByRole('status').filter({ hasText: tr('identity.auth.verified') }).waitFor();
      await page.getByRole('main').getByRole('link', { name: tr('auth.goSignIn') }).click();

      await page.waitForURL(`${customer}/sign-in/`);
      await waitForHydration(page);
      await submitSignIn(page, email, password);
      await page.waitForURL(`${customer}/`);
      await page.getByText(tr('identity.home.welcome', { name }), { exact: true }).waitFor();
      await page.getByRole('navigation', { name: tr('nav.main') }).getByRole('button', { name: tr('auth.signOut') }).waitFor();
    }));
});
