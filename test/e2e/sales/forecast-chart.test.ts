import { formatMoney } from '../../../shared/platform/money';
import { apiAs } from '../support/api';
import { DEMO_PASSWORD, open, submitSignIn, suitePage, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

jest.setTimeout(60_000);

type StageSum = { stage: string; amount: number; weighted: number };
type Forecast = { months: { month: string; currency: string; stages: StageSum[] }[] };
type Stage = { id: string };

describe('staff portal: forecast', () => {
  const { staff, api } = stackUrls();
  const suite = suitePage();

  it('the forecast shows a chart, and its text alternative holds the same figures as the API', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      // Signing in switches the portal to the rep's language (Bahasa Indonesia).
      const { email, locale } = DEMO.sales;
      await open(page, `${staff}/sign-in/`);
      await submitSignIn(page, email, DEMO_PASSWORD);
      await page.waitForURL(`${staff}/`);
      await open(page, `${staff}/forecast/`);

      const chart = page.locator('[data-forecast-chart="IDR"]');
      // Drawn: bars in an SVG that screen readers skip…
      await chart.locator('svg[data-chart="bar"] rect').first().waitFor();
      expect(await chart.locator('svg').getAttribute('aria-hidden')).toBe('true');
      // …and a table they read, named by the chart's title.
      const table = page.getByRole('table', { name: text(locale, 'sales.forecast.chart', { currency: 'IDR' }) });
      await table.waitFor({ state: 'attached' });

      const asSales = await apiAs(api, email);
      const [forecast, stages] = await Promise.all([asSales<Forecast>('GET', '/pipeline/forecast'), asSales<Stage[]>('GET', '/pipeline/stages')]);
      const months = forecast.months.filter((m) => m.currency === 'IDR');
      expect(months.length).toBeGreaterThan(0);
      // The stages with money, in pipeline order: first their best case, then their weighted sums.
      const used = stages.map((s) => s.id).filter((id) => months.some((m) => m.stages.some((s) => s.stage === id)));
      const money = (value: number) => formatMoney(value, 'IDR', locale);
      const monthName = (month: string) =>
        /^\d{4}-\d{2}$/.test(month)
          ? new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
          : text(locale, 'sales.forecast.noDate');
      const expected = months.map((m) => {
        const sum = (id: string, key: 'amount' | 'weighted') => m.stages.find((s) => s.stage === id)?.[key] ?? 0;
        return [monthName(m.month), ...used.map((id) => money(sum(id, 'amount'))), ...used.map((id) => money(sum(id, 'weighted')))];
      });
      const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
      expect(shown).toEqual(expected);
      expect(await table.locator('thead th').count()).toBe(1 + 2 * used.length);
    }));
});
