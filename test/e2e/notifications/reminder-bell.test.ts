import { apiAs } from '../support/api';
import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { waitForMail } from '../support/mail';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

// The stack's scheduler sweeps due work once a minute, as EventBridge does: the reminder waits for it.
jest.setTimeout(150_000);

describe('staff portal: reminders and the bell', () => {
  const { staff, api, mail } = stackUrls();
  const suite = suitePage();
  const { email, locale } = DEMO.sales;
  const tr = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text(locale, key, params);

  it('a planned call produces a reminder in the catcher and the bell', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const sales = await apiAs(api, email);
      const accounts = await sales<{ items: { id: string; name: string }[] }>('GET', '/accounts?limit=100');
      const kita = accounts.items.find((a) => a.name === 'PT. KITA')!;
      // Due in ten minutes: within the default lead time of 15, so it is due for a reminder now.
      const subject = `Telepon konfirmasi menu ${Date.now().toString(36)}`;
      await sales('POST', '/activities', { type: 'call', subject, related: { type: 'account', id: kita.id }, dueAt: new Date(Date.now() + 10 * 60_000).toISOString() });

      const reminder = await waitForMail(mail, email, (m) => m.subject.includes(subject), 130_000);
      expect(reminder.subject).toBe(`Pengingat: ${subject}`);

      await open(page, `${staff}/sign-in/`);
      await submitSignIn(page, email, DEMO_PASSWORD);
      await page.waitForURL(`${staff}/`);
      await waitForHydration(page);
      const bell = page.getByRole('button', { name: new RegExp(`^${tr('notifications.open')}, `) });
      await bell.waitFor();
      const count = Number(await page.getByTestId('notification-count').textContent());
      expect(count).toBeGreaterThanOrEqual(1);

      await bell.click();
      const panel = page.getByRole('dialog', { name: tr('notifications.open') });
      const link = panel.getByRole('link', { name: subject });
      await link.waitFor();
      await link.click();
      await page.waitForURL(/\/account\/\?id=/);
      await page.getByRole('heading', { level: 1, name: 'PT. KITA' }).waitFor();
      // Following the link marked it read.
      const { items } = await sales<{ items: { record: { title: string }; readAt: string | null }[] }>('GET', '/notifications?limit=100');
      expect(items.find((n) => n.record.title === subject)?.readAt).toEqual(expect.any(String));
    }));
});
