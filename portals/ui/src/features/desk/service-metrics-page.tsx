import { createSignal, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { MetricsSummary, ServiceMetrics, User } from '../../api/types';
import { ErrorAlert, Loading, MessageAlert } from '../../kit/alert';
import { DataTable, useLoaded } from '../../kit/data-table';
import { Field } from '../../kit/field';
import { formatMinutes } from './duration';
import { createAgentNames } from './service-desk';
import { ServiceCharts } from './service-charts';
import { StaffShell } from '../../kit/staff-shell';
import { formatNumber, formatPercent } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

/** The UTC day `days` from today, as the API's `from` and `to` take it. */
function utcDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const percent = (value: number | null) => (value === null ? t('common.none') : formatPercent(Math.round(value * 10) / 10));
const csat = (value: number | null) => (value === null ? t('common.none') : t('desk.ratingValue', { score: formatNumber(Math.round(value * 10) / 10) }));

function Cards(props: { summary: MetricsSummary }) {
  return (
    <ul class="metric-cards">
      <li class="card">
        <h2>{t('desk.metrics.firstResponse')}</h2>
        <p class="muted">{t('desk.metrics.average')}</p>
        <p class="metric-value">{formatMinutes(props.summary.firstResponseMinutes.avg)}</p>
        <p class="muted">
          {t('desk.metrics.median')}: {formatMinutes(props.summary.firstResponseMinutes.median)}
        </p>
      </li>
      <li class="card">
        <h2>{t('desk.metrics.resolution')}</h2>
        <p class="muted">{t('desk.metrics.average')}</p>
        <p class="metric-value">{formatMinutes(props.summary.resolutionMinutes.avg)}</p>
        <p class="muted">
          {t('desk.metrics.median')}: {formatMinutes(props.summary.resolutionMinutes.median)}
        </p>
      </li>
      <li class="card">
        <h2>{t('desk.metrics.compliance')}</h2>
        <p class="metric-value">{percent(props.summary.slaCompliancePercent)}</p>
      </li>
      <li class="card">
        <h2>{t('desk.metrics.csat')}</h2>
        <p class="metric-value">{csat(props.summary.csatAverage)}</p>
        <p class="muted">{t('desk.metrics.csatCount', { n: props.summary.csatCount })}</p>
      </li>
      <li class="card">
        <h2>{t('nav.tickets')}</h2>
        <p class="metric-value">{formatNumber(props.summary.ticketCount)}</p>
      </li>
    </ul>
  );
}

/** One row per agent or team: the same figures as the cards. */
function Breakdown<T extends MetricsSummary>(props: { id: string; title: string; who: string; rows: T[]; name: (row: T) => string }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <div class="table-scroll">
        <DataTable
          items={props.rows}
          columns={[
            props.who,
            { label: t('nav.tickets'), class: 'numeric' },
            { label: t('desk.metrics.firstResponse'), class: 'numeric' },
            { label: t('desk.metrics.resolution'), class: 'numeric' },
            { label: t('desk.metrics.compliance'), class: 'numeric' },
            { label: t('desk.metrics.csat'), class: 'numeric' },
          ]}
          row={(row) => (
            <>
              <th scope="row">{props.name(row)}</th>
              <td class="numeric">{formatNumber(row.ticketCount)}</td>
              <td class="numeric">{formatMinutes(row.firstResponseMinutes.avg)}</td>
              <td class="numeric">{formatMinutes(row.resolutionMinutes.avg)}</td>
              <td class="numeric">{percent(row.slaCompliancePercent)}</td>
              <td class="numeric">{csat(row.csatAverage)}</td>
            </>
          )}
        />
      </div>
    </section>
  );
}

function Metrics(props: { me: User }) {
  const [from, setFrom] = createSignal(utcDay(-29));
  const [to, setTo] = createSignal(utcDay());
  const [problem, setProblem] = createSignal<string>();
  const [metrics, setMetrics] = createSignal<ServiceMetrics>();
  const [error, setError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(false);
  const agents = createAgentNames(props.me);
  const settings = useLoaded(() => api.serviceSettings.get());
  const teamName = (id: string) => settings.data()?.teams.find((team) => team.id === id)?.name ?? id;
  const load = async () => {
    setProblem(undefined);
    if (!from() || !to() || from() > to()) return setProblem(t('desk.error.invalid_range'));
    setLoading(true);
    setError(undefined);
    try {
      setMetrics(await api.serviceMetrics.get(from(), to()));
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  onMount(() => void load());
  return (
    <div class="stack">
      <form
        class="inline-form"
        aria-label={t('desk.metrics.range')}
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <Field label={t('desk.metrics.from')} name="from" type="date" required value={from()} onInput={setFrom} />
        <Field label={t('desk.metrics.to')} name="to" type="date" required value={to()} onInput={setTo} />
        <button type="submit" class="button button-primary" disabled={loading()}>
          {t('common.show')}
        </button>
      </form>
      <p class="muted">{t('desk.metrics.rangeHint')}</p>
      <MessageAlert message={problem()} />
      <ErrorAlert error={error()} onRetry={() => void load()} />
      <Show when={loading()}>
        <Loading />
      </Show>
      <Show when={metrics()}>
        {(current) => (
          <Show when={current().ticketCount > 0} fallback={<p class="empty">{t('desk.metrics.noData')}</p>}>
            <div class="stack" aria-busy={loading()}>
              <Cards summary={current()} />
              <ServiceCharts days={current().byDay ?? []} />
              <Breakdown id="by-agent" title={t('desk.metrics.byAgent')} who={t('desk.metrics.agent')} rows={current().byAgent} name={(row) => agents.label(row.agentId)} />
              <Breakdown id="by-team" title={t('desk.metrics.byTeam')} who={t('desk.ticket.team')} rows={current().byTeam} name={(row) => teamName(row.teamId)} />
            </div>
          </Show>
        )}
      </Show>
    </div>
  );
}

/** Service metrics for a period (the last 30 days at first): response and resolution times, SLA compliance, satisfaction. */
export function ServiceMetricsPage() {
  return (
    <StaffShell current="service-metrics" titleKey="nav.serviceMetrics">
      {(me) => <Metrics me={me} />}
    </StaffShell>
  );
}
