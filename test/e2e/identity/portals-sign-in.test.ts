import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, open, submitSignIn, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

jest.setTimeout(45_000);

const urls = stackUrls();

describe('portal sign-in', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  /** Every test starts without cookies: all portals share the host `localhost`. */
  async function freshPage(): Promise<Page> {
    await context?.close();
    const fresh = await newPage(browser);
    context = fresh.context;
    return fresh.page;
  }

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it.each([
    ['customer', DEMO.customer],
    ['partner', DEMO.partner],
    ['investor', DEMO.investor],
  ] as const)('the %s demo login signs in to its portal and sees its profile', async (portal, login) => {
    const base = urls[portal];
    const tr = (key: Parameters<typeof text>[1], params?: Record<string, string>) => text(login.locale, key, params);
    const page = await freshPage();
    await withPageReport(page, async () => {
      await open(page, `${base}/sign-in/`);
      await submitSignIn(page, login.email, DEMO_PASSWORD);
      await page.waitForURL(`${base}/`);
      // The home greets the user (customer, partner) or names who is signed in (investor).
      const greeting = portal === 'investor' ? tr('identity.investor.signedInAs', { name: login.name }) : tr('identity.home.welcome', { name: login.name });
      await page.getByText(greeting, { exact: true }).waitFor();

      const nav = page.getByRole('navigation', { name: tr('nav.main') });
      await nav.getByRole('link', { name: tr('nav.profile'), exact: true }).click();
      await page.waitForURL(`${base}/profile/`);
      await page.getByRole('heading', { level: 1, name: tr('identity.profile.title') }).waitFor();
      const main = page.getByRole('main');
      const emailField = main.getByLabel(tr('common.email'), { exact: true });
      await emailField.waitFor();
      expect(await emailField.inputValue()).toBe(login.email);
      expect(await emailField.getAttribute('readonly')).not.toBeNull();
      expect(await main.getByLabel(tr('common.name'), { exact: true }).inputValue()).toBe(login.name);
      await nav.getByRole('button', { name: tr('auth.signOut') }).waitFor();
    });
  });

  it('the investor portal shows the company overview, vision and mission without signing in', async () => {
    const page = await freshPage();
    await withPageReport(page, async () => {
      await open(page, `${urls.investor}/`);

      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 1, name: 'PT. Kaktus Berduri' }).waitFor();
      for (const key of ['identity.investor.overview', 'identity.investor.vision'] as const) {
        const section = main.getByRole('region', { name: text('en', key) });
        await section.waitFor();
        expect((await section.getByRole('paragraph').innerText()).trim()).not.toBe('');
      }
      const mission = main.getByRole('region', { name: text('en', 'identity.investor.mission') });
      expect(await mission.getByRole('listitem').count()).toBeGreaterThan(0);

      // Anonymous: invited to register or sign in, and no one is signed in.
      await main.getByRole('link', { name: text('en', 'auth.register'), exact: true }).waitFor();
      await page.getByRole('navigation', { name: text('en', 'nav.main') }).getByRole('link', { name: text('en', 'auth.signIn') }).waitFor();
    });
  });

  it('the staff portal refuses a customer login and leaves no session', async () => {
    const page = await freshPage();
    await withPageReport(page, async () => {
        await open(page, `${urls.staff}/sign-in/`);
        const login = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
        await submitSignIn(page, DEMO.customer.email, DEMO_PASSWORD);
        // The API refuses the login for this portal itself.
        const answer = await login;
        expect(answer.status()).toBe(403);
        expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('wrong_portal');

        // The page says so and stays on sign-in.
        const alert = page.getByRole('main').getByRole('alert');
        await alert.waitFor();
        expect((await alert.innerText()).trim()).toBe(text('en', 'error.wrongPortal', { portal: text('en', 'audience.staff') }));
        expect(new URL(page.url()).pathname).toBe('/sign-in/');

        // No session: the API does not know this browser, and a staff page sends it to sign in.
        const me = await page.request.get(`${urls.staff}/api/v1/auth/me`);
        expect(me.status()).toBe(401);
        await page.goto(`${urls.staff}/accounts/`);
        await page.waitForURL(/\/sign-in\/\?next=/);
    });
  });
});
