import type { Locator, Page } from 'playwright-core';
import { apiAs } from '../support/api';
import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { text } from '../support/texts';

jest.setTimeout(180_000);

const urls = stackUrls();

/** The demo's administrator (infra/local/seed/demo-seed.ts). */
const ADMIN = 'admin@kaktus.example';

type Priority = 'low' | 'normal' | 'high' | 'urgent';
type Target = { firstResponseMinutes: number; resolutionMinutes: number };
type SlaPolicy = { id: string; name: string; holidays: string[]; targets: Record<string, Target>; appliesTo: Record<string, string[]>; rank: number; version: number };
type ServiceSettings = { cannedReplies: { id: string; title: string; body: string; language: string }[]; escalationRules: { id: string; name: string; enabled: boolean }[]; version: number };

/** The remove button of a holiday the form lists ("Remove 24 Dec 2026"). */
const removeHoliday = (iso: string) => `${text('en', 'common.remove')} ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))}`;

/** A target as the policy list reads it: "Urgent: 30 min / 4 h 0 min". */
function targetLine(priority: Priority, first: number, resolution: number): string {
  const time = (minutes: number) => (minutes < 60 ? text('en', 'common.minutes', { n: String(minutes) }) : text('en', 'desk.duration.hours', { h: String(Math.floor(minutes / 60)), m: String(minutes % 60) }));
  return text('en', 'desk.slaPolicy.target', { priority: text('en', `desk.ticketPriority.${priority}`), first: time(first), resolution: time(resolution) });
}

/** Types hours and minutes into one target of the form ("Urgent: First response"). */
async function setTarget(form: Locator, priority: Priority, what: 'desk.slaPolicy.firstResponse' | 'desk.slaPolicy.resolution', minutes: number): Promise<void> {
  const group = form.getByRole('group', { name: text('en', 'desk.slaPolicy.targetOf', { priority: text('en', `desk.ticketPriority.${priority}`), what: text('en', what) }) });
  await group.getByLabel(text('en', 'desk.slaPolicy.hoursUnit'), { exact: true }).fill(String(Math.floor(minutes / 60)));
  await group.getByLabel(text('en', 'desk.slaPolicy.minutesUnit'), { exact: true }).fill(String(minutes % 60));
}

/** Signs the admin in and leaves the device in English (the demo logins prefer Bahasa Indonesia). */
async function signInAsAdmin(page: Page): Promise<void> {
  await open(page, `${urls.staff}/sign-in/`);
  await submitSignIn(page, ADMIN, DEMO_PASSWORD);
  await page.waitForURL(`${urls.staff}/`);
  await waitForHydration(page);
  await page.evaluate("localStorage.setItem('relasi.locale', 'en')");
}

/** Follows a link of the staff navigation's Service group. */
async function openFromNav(page: Page, key: 'nav.slaPolicies' | 'nav.serviceSettings', path: string): Promise<void> {
  await open(page, `${urls.staff}/`);
  await page.getByRole('navigation', { name: text('en', 'nav.main') }).getByRole('link', { name: text('en', key), exact: true }).click();
  await page.waitForURL(`${urls.staff}${path}`);
  await waitForHydration(page);
}

describe('service admin: SLA policies and service settings', () => {
  const suite = suitePage();
  const unique = Date.now().toString(36);
  /** What the tests changed in the stack the other browser tests share, put back afterwards. */
  const restore: (() => Promise<unknown>)[] = [];
  beforeAll(() => signInAsAdmin(suite.page));
  afterAll(async () => {
    for (const undo of restore) await undo();
  });

  it('an admin creates an SLA policy (urgent 30 min / 4 h, tier high, a holiday), sees it listed, edits a target and the holiday after a conflicting change, and the API has those values', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const name = `Premium ${unique}`;
      const asAdmin = await apiAs(urls.api, ADMIN);
      await openFromNav(page, 'nav.slaPolicies', '/sla-policies/');
      const main = page.getByRole('main');

      // --- a new policy ---
      await main.getByRole('button', { name: text('en', 'desk.slaPolicy.new') }).click();
      const form = main.getByRole('region', { name: text('en', 'desk.slaPolicy.newTitle') });
      await form.getByLabel(text('en', 'common.name'), { exact: true }).fill(name);
      // Saving without targets names each missing one.
      await form.getByRole('button', { name: text('en', 'desk.slaPolicy.create') }).click();
      const problems = form.getByRole('alert').filter({ hasText: text('en', 'desk.admin.fix') });
      await problems.getByText(`${text('en', 'desk.slaPolicy.targetOf', { priority: text('en', 'desk.ticketPriority.urgent'), what: text('en', 'desk.slaPolicy.firstResponse') })}: ${text('en', 'desk.slaPolicy.problem.duration')}`).waitFor();

      const targets: [Priority, number, number][] = [['urgent', 30, 240], ['high', 60, 480], ['normal', 240, 1440], ['low', 480, 2400]];
      for (const [priority, first, resolution] of targets) {
        await setTarget(form, priority, 'desk.slaPolicy.firstResponse', first);
        await setTarget(form, priority, 'desk.slaPolicy.resolution', resolution);
      }
      await form.getByRole('group', { name: text('en', 'desk.slaPolicy.tiers') }).getByLabel(text('en', 'desk.tier.high'), { exact: true }).check();
      await form.getByLabel(text('en', 'desk.slaPolicy.holiday'), { exact: true }).fill('2026-12-24');
      await form.getByRole('button', { name: text('en', 'desk.slaPolicy.holidayAdd') }).click();
      await form.getByRole('button', { name: removeHoliday('2026-12-24') }).waitFor();
      await form.getByRole('button', { name: text('en', 'desk.slaPolicy.create') }).click();

      // --- listed with its targets and what it applies to ---
      await main.getByRole('status').filter({ hasText: text('en', 'desk.slaPolicy.created', { name }) }).waitFor();
      const row = main.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await row.getByText(targetLine('urgent', 30, 240), { exact: true }).waitFor();
      await row.getByText(text('en', 'desk.slaPolicy.tierAccounts', { tier: text('en', 'desk.tier.high') }), { exact: true }).waitFor();
      const created = (await asAdmin<{ items: SlaPolicy[] }>('GET', '/sla-policies?limit=100')).items.find((policy) => policy.name === name)!;
      // PT. KITA is a high-tier account: other tests' tickets must keep the demo's policy.
      restore.push(async () => asAdmin('PATCH', `/sla-policies/${created.id}`, { active: false, version: (await asAdmin<SlaPolicy>('GET', `/sla-policies/${created.id}`)).version }));
      expect(created).toMatchObject({ holidays: ['2026-12-24'], appliesTo: { accountTiers: ['high'] }, targets: { urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 } }, version: 1 });

      // --- edit: urgent first response 20 min, the holiday moves to 31 December ---
      await row.getByRole('button', { name: `${text('en', 'common.edit')} ${name}` }).click();
      const edit = main.getByRole('region', { name: text('en', 'desk.slaPolicy.editTitle', { name }) });
      await setTarget(edit, 'urgent', 'desk.slaPolicy.firstResponse', 20);
      // Meanwhile someone else changes the policy: saving is refused and offers a reload.
      await asAdmin('PATCH', `/sla-policies/${created.id}`, { rank: 50, version: created.version });
      await edit.getByRole('button', { name: text('en', 'common.save'), exact: true }).click();
      await edit.getByRole('alert').filter({ hasText: text('en', 'error.version_conflict') }).waitFor();
      await edit.getByRole('button', { name: text('en', 'common.reload') }).click();
      // The form shows the stored policy again, with the other change (its new rank).
      await page.waitForFunction(`document.querySelector('main input[name="rank"]')?.value === '50'`);
      const reloaded = main.getByRole('region', { name: text('en', 'desk.slaPolicy.editTitle', { name }) });

      await setTarget(reloaded, 'urgent', 'desk.slaPolicy.firstResponse', 20);
      await reloaded.getByRole('button', { name: removeHoliday('2026-12-24') }).click();
      await reloaded.getByLabel(text('en', 'desk.slaPolicy.holiday'), { exact: true }).fill('2026-12-31');
      await reloaded.getByLabel(text('en', 'desk.slaPolicy.holiday'), { exact: true }).press('Enter');
      await reloaded.getByRole('button', { name: removeHoliday('2026-12-31') }).waitFor();
      expect(await reloaded.getByRole('button', { name: removeHoliday('2026-12-24') }).count()).toBe(0);
      await reloaded.getByRole('button', { name: text('en', 'common.save'), exact: true }).click();

      await main.getByRole('status').filter({ hasText: text('en', 'desk.slaPolicy.saved', { name }) }).waitFor();
      await row.getByText(targetLine('urgent', 20, 240), { exact: true }).waitFor();
      const saved = await asAdmin<SlaPolicy>('GET', `/sla-policies/${created.id}`);
      expect(saved).toMatchObject({ name, rank: 50, holidays: ['2026-12-31'], appliesTo: { accountTiers: ['high'] }, version: 3 });
      expect(saved.targets).toEqual({
        urgent: { firstResponseMinutes: 20, resolutionMinutes: 240 },
        high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
        normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
        low: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
      });
    }));

  it('on the service settings page the admin adds a canned reply and disables the escalation rule with one save; the API and a reload show both', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const title = `Delivery delayed by rain ${unique}`;
      const body = 'Mohon maaf, pengiriman hari ini tertunda karena hujan deras. Kami kabari begitu armada berangkat.';
      const asAdmin = await apiAs(urls.api, ADMIN);
      const before = await asAdmin<ServiceSettings & Record<string, unknown>>('GET', '/service-settings');
      const rule = before.escalationRules[0]!;
      expect(rule.enabled).toBe(true);
      restore.push(async () => {
        const { version: _version, updatedAt: _updatedAt, ...current } = await asAdmin<ServiceSettings & Record<string, unknown>>('GET', '/service-settings');
        return asAdmin('PUT', '/service-settings', { ...current, escalationRules: before.escalationRules });
      });
      await openFromNav(page, 'nav.serviceSettings', '/service-settings/');
      const main = page.getByRole('main');

      // --- a canned reply, written in a dialog ---
      await main.getByRole('button', { name: text('en', 'desk.settings.replyAdd') }).click();
      const dialog = page.getByRole('dialog', { name: text('en', 'desk.settings.replyAdd') });
      await dialog.getByLabel(text('en', 'common.title'), { exact: true }).fill(title);
      await dialog.getByLabel(text('en', 'common.language'), { exact: true }).selectOption('id');
      await dialog.getByLabel(text('en', 'desk.settings.replyBody'), { exact: true }).fill(body);
      await dialog.getByRole('button', { name: text('en', 'desk.settings.replyAdd') }).click();
      await dialog.waitFor({ state: 'hidden' });
      const replies = main.getByRole('region', { name: text('en', 'desk.settings.replies') });
      await replies.getByRole('rowheader', { name: title, exact: true }).waitFor();

      // --- the escalation rule, read as sentences, switched off ---
      const rules = main.getByRole('region', { name: text('en', 'desk.settings.rules') });
      const item = rules.getByRole('listitem').filter({ has: page.getByRole('heading', { name: rule.name, exact: true }) });
      await item.getByText(text('en', 'desk.fact.statusUnchanged'), { exact: true }).waitFor();
      await item.getByText(text('en', 'desk.action.notifyManagers'), { exact: true }).waitFor();
      const toggle = item.getByRole('switch', { name: text('en', 'desk.settings.enabled') });
      expect(await toggle.isChecked()).toBe(true);
      await toggle.uncheck();
      await main.getByText(text('en', 'desk.settings.unsaved'), { exact: true }).waitFor();
      await main.getByRole('button', { name: text('en', 'desk.settings.save') }).click();
      await main.getByRole('status').filter({ hasText: text('en', 'desk.settings.saved') }).waitFor();
      expect(await main.getByText(text('en', 'desk.settings.unsaved'), { exact: true }).count()).toBe(0);

      const settings = await asAdmin<ServiceSettings>('GET', '/service-settings');
      expect(settings.cannedReplies).toContainEqual({ id: expect.any(String), title, body, language: 'id' });
      expect(settings.escalationRules.find((candidate) => candidate.id === rule.id)?.enabled).toBe(false);

      // --- a reload shows what was saved ---
      await page.reload();
      await waitForHydration(page);
      await replies.getByRole('rowheader', { name: title, exact: true }).waitFor();
      await replies.getByRole('row').filter({ hasText: title }).getByText(text('en', 'locale.id'), { exact: true }).waitFor();
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(false);
    }));
});
