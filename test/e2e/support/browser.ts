import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { text } from './texts';

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH overrides. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('Chromium not found: install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH)');
  return found;
}

/** Launches Chromium with a fresh temporary profile (playwright makes and deletes it). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS, timeout: 30_000 });
}

/**
 * A fresh context (no cookies: the portals all live on `localhost`, and cookies do not care
 * about ports) with English texts and short timeouts, so that a failure shows fast.
 */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Waits until every Astro island of the page has hydrated (Astro drops `ssr` once it has). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

/** Opens a page and waits for its islands, so typing reaches Solid's handlers. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForHydration(page);
}

/** Fills and submits the sign-in form of any portal (open and hydrated, still in English). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('main');
  await form.getByLabel(text('en', 'common.email'), { exact: true }).fill(email);
  await form.getByLabel(text('en', 'auth.password'), { exact: true }).fill(password);
  await form.getByRole('button', { name: text('en', 'auth.signIn'), exact: true }).click();
}

export const DEMO_PASSWORD = process.env.RELASI_DEMO_PASSWORD ?? 'relasi-demo-2026';
