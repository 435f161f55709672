import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { ForecastMonth, Stage, User } from '../../api/types';
import { ErrorAlert, Loading } from '../../kit/alert';
import { Chart } from '../../kit/chart';
import { SelectField } from '../../kit/field';
import { StaffShell } from '../../kit/staff-shell';
import { formatMoney, formatMoneyCompact, formatNumber, intlLocale } from '../../kit/format';
import { t } from '../../kit/i18n';
import { forecastCharts } from './forecast-chart';
import './texts';

/** Keeps the rows that have the documented shape, whatever wraps them, so a changed answer shows what it can. */
export function forecastRows(body: unknown): ForecastMonth[] {
  const list = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null
      ? ((body as { months?: unknown; items?: unknown }).months ?? (body as { items?: unknown }).items)
      : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .map((row) => ({
      month: typeof row.month === 'string' ? row.month : '',
      currency: typeof row.currency === 'string' ? row.currency : 'IDR',
      count: typeof row.count === 'number' ? row.count : 0,
      amount: typeof row.amount === 'number' ? row.amount : 0,
      weighted: typeof row.weighted === 'number' ? row.weighted : 0,
      stages: Array.isArray(row.stages) ? (row.stages as ForecastMonth['stages']) : [],
    }))
    .sort((a, b) => (a.month === b.month ? a.currency.localeCompare(b.currency) : a.month === '' ? 1 : b.month === '' ? -1 : a.month.localeCompare(b.month)));
}

function monthLabel(month: string, short = false): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month === 'unscheduled' || !month ? t(short ? 'sales.forecast.noDateShort' : 'sales.forecast.noDate') : month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(), short ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Per currency, the months as a pair of bars (best case, weighted) stacked by stage. */
function ForecastCharts(props: { rows: ForecastMonth[]; stages: Stage[] }) {
  const charts = () =>
    forecastCharts(props.rows, props.stages, {
      bestCase: t('sales.forecast.bestCase'),
      weighted: t('sales.pipeline.weighted'),
      series: (stage, measure) => t('sales.forecast.series', { stage, measure }),
    });
  return (
    <For each={charts()}>
      {(chart) => (
        <section class="card" data-forecast-chart={chart.currency}>
          <Chart
            data={{ ...chart.data, categories: chart.months.map((m) => monthLabel(m, true)) }}
            categoryNames={chart.months.map((m) => monthLabel(m))}
            categoryHeader={t('sales.forecast.month')}
            title={t('sales.forecast.chart', { currency: chart.currency })}
            format={(value) => formatMoney(value ?? 0, chart.currency)}
            axisFormat={(value) => formatMoneyCompact(value ?? 0, chart.currency)}
            legend={chart.stages.map((s) => ({ name: s.name, tone: s.tone }))}
            note={t('sales.forecast.chartNote')}
          />
        </section>
      )}
    </For>
  );
}

function totalsByCurrency(rows: ForecastMonth[]): ForecastMonth[] {
  const sums = new Map<string, ForecastMonth>();
  for (const row of rows) {
    const sum = sums.get(row.currency) ?? { month: '', currency: row.currency, count: 0, amount: 0, weighted: 0, stages: [] };
    sums.set(row.currency, { ...sum, count: sum.count + row.count, amount: sum.amount + row.amount, weighted: sum.weighted + row.weighted });
  }
  return [...sums.values()];
}

function Forecast(props: { user: User }) {
  const [scope, setScope] = createSignal<'mine' | 'all'>('mine');
  const [rows, setRows] = createSignal<ForecastMonth[]>();
  const [stages, setStages] = createSignal<Stage[]>([]);
  const [error, setError] = createSignal<unknown>();
  let generation = 0;
  const load = async () => {
    const mine = ++generation;
    setError(undefined);
    setRows(undefined);
    try {
      const [body, stageList] = await Promise.all([api.pipeline.forecast(scope() === 'mine' ? props.user.id : undefined), api.pipeline.stages()]);
      if (mine !== generation) return;
      setStages(Array.isArray(stageList) ? stageList : []);
      setRows(forecastRows(body));
    } catch (caught) {
      if (mine === generation) setError(caught);
    }
  };
  onMount(() => void load());
  return (
    <div class="stack">
      <p>{t('sales.forecast.intro')}</p>
      <div class="toolbar">
        <SelectField
          label={t('sales.forecast.scope')}
          name="scope"
          value={scope()}
          onChange={(value) => {
            setScope(value === 'all' ? 'all' : 'mine');
            void load();
          }}
          options={[
            { value: 'mine', label: t('sales.forecast.mine') },
            { value: 'all', label: t('sales.forecast.all') },
          ]}
        />
        <a class="button button-secondary" href="/pipeline/">
          {t('nav.pipeline')}
        </a>
      </div>
      <ErrorAlert error={error()} onRetry={() => void load()} />
      <Show when={rows()} fallback={<Show when={!error()}><Loading /></Show>}>
        {(loaded) => (
          <Show when={loaded().length > 0} fallback={<p class="empty">{t('sales.forecast.empty')}</p>}>
            <ForecastCharts rows={loaded()} stages={stages()} />
            <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">{t('sales.forecast.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sales.forecast.month')}</th>
                  <th scope="col" class="numeric">{t('sales.forecast.scope')}</th>
                  <th scope="col" class="numeric">{t('sales.opportunity.expectedRevenue')}</th>
                  <th scope="col" class="numeric">{t('sales.pipeline.weighted')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={loaded()}>
                  {(row) => (
                    <tr>
                      <th scope="row">{monthLabel(row.month)}</th>
                      <td class="numeric">{formatNumber(row.count)}</td>
                      <td class="numeric">{formatMoney(row.amount, row.currency)}</td>
                      <td class="numeric">{formatMoney(row.weighted, row.currency)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
              <tfoot>
                <For each={totalsByCurrency(loaded())}>
                  {(total) => (
                    <tr>
                      <th scope="row">{t('common.total')}</th>
                      <td class="numeric">{formatNumber(total.count)}</td>
                      <td class="numeric">{formatMoney(total.amount, total.currency)}</td>
                      <td class="numeric">{formatMoney(total.weighted, total.currency)}</td>
                    </tr>
                  )}
                </For>
              </tfoot>
            </table>
            </div>
          </Show>
        )}
      </Show>
    </div>
  );
}

export function ForecastPage() {
  return (
    <StaffShell current="forecast" titleKey="nav.forecast">
      {(user) => <Forecast user={user} />}
    </StaffShell>
  );
}
