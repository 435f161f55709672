import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Activity, BoardColumn, MyDay, Stage, User } from '../../api/types';
import { ActivityItem, DoneDialog } from './activities';
import { Notice } from '../../kit/alert';
import { Chart } from '../../kit/chart';
import { LoadedTable, LoadState, useLoaded } from '../../kit/data-table';
import { leadStatusLabel, leadUrl, opportunityUrl, PriorityStars, stageName } from './sales';
import { formatDate, formatMoney, formatMoneyCompact } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';
import '../identity/texts';

/** Per currency, the open stages with their running totals (the board's, over every card). */
export function pipelineCharts(columns: readonly BoardColumn[]): { currency: string; stages: string[]; amount: number[]; weighted: number[] }[] {
  const currencies = [...new Set(columns.flatMap((c) => c.totals.map((total) => total.currency)))].sort();
  return currencies.map((currency) => {
    const sum = (c: BoardColumn) => c.totals.find((total) => total.currency === currency);
    return { currency, stages: columns.map((c) => c.stage.name), amount: columns.map((c) => sum(c)?.amount ?? 0), weighted: columns.map((c) => sum(c)?.weighted ?? 0) };
  });
}

const DAY_PARTS = ['overdue', 'today', 'upcoming'] as const;
type DayPart = (typeof DAY_PARTS)[number];

function MyDayView() {
  const { data: day, setData: setDay, error, load } = useLoaded<MyDay>(async () => {
    const body = await api.activities.myDay();
    return { overdue: body?.overdue ?? [], today: body?.today ?? [], upcoming: body?.upcoming ?? [] };
  });
  const [finishing, setFinishing] = createSignal<Activity>();
  const [notice, setNotice] = createSignal<string>();
  const finished = (done: Activity) => {
    setDay((current) =>
      current && { overdue: current.overdue.filter((a) => a.id !== done.id), today: current.today.filter((a) => a.id !== done.id), upcoming: current.upcoming.filter((a) => a.id !== done.id) },
    );
    setNotice(t('sales.activity.doneSaved'));
  };
  return (
    <section class="stack" aria-labelledby="my-day-title">
      <h2 id="my-day-title">{t('identity.home.myDay')}</h2>
      <Notice message={notice()} />
      <LoadState data={day()} error={error()} onRetry={() => void load()}>
        {(current) => (
          <div class="day-columns">
            <For each={DAY_PARTS}>
              {(part: DayPart) => (
                <section class="card" aria-labelledby={`day-${part}`}>
                  <h3 id={`day-${part}`}>
                    {t(`identity.home.day.${part}` as MessageKey)} <span class="badge">{current()[part].length}</span>
                  </h3>
                  <Show when={current()[part].length > 0} fallback={<p class="empty">{t(`identity.home.day.${part}Empty` as MessageKey)}</p>}>
                    <ol class="timeline">
                      <For each={current()[part]}>{(activity) => <ActivityItem activity={activity} onMarkDone={setFinishing} showRelated />}</For>
                    </ol>
                  </Show>
                </section>
              )}
            </For>
          </div>
        )}
      </LoadState>
      <DoneDialog activity={finishing()} onClose={() => setFinishing(undefined)} onDone={finished} />
    </section>
  );
}

function ListSection(props: { id: string; title: string; href: string; linkLabel: string; children: JSX.Element }) {
  return (
    <section class="stack" aria-labelledby={props.id}>
      <div class="section-header">
        <h2 id={props.id}>{props.title}</h2>
        <a href={props.href}>{props.linkLabel}</a>
      </div>
      {props.children}
    </section>
  );
}

function MyOpportunities(props: { user: User; stages: Stage[] }) {
  const { data: items, error, load } = useLoaded(async () => {
    const page = await api.opportunities.list({ ownerId: props.user.id, limit: 25 });
    return (page?.items ?? []).filter((item) => item.status === 'open');
  });
  return (
    <ListSection id="my-opportunities-title" title={t('identity.home.myOpportunities')} href="/pipeline/" linkLabel={t('identity.home.openPipeline')}>
      <div class="table-scroll">
        <LoadedTable
          items={items()}
          error={error()}
          onRetry={() => void load()}
          empty={t('identity.home.noOpportunities')}
          columns={[
            t('sales.opportunity.name'),
            t('sales.opportunity.stage'),
            { label: t('sales.opportunity.expectedRevenue'), class: 'numeric' },
            { label: t('sales.opportunity.probability'), class: 'numeric' },
            t('sales.opportunity.closeDate'),
            t('common.priority'),
          ]}
          row={(item) => (
            <>
              <th scope="row">
                <a href={opportunityUrl(item.id)}>{item.name}</a>
              </th>
              <td>{stageName(props.stages, item.stage)}</td>
              <td class="numeric">{formatMoney(item.expectedRevenue.amount, item.expectedRevenue.currency)}</td>
              <td class="numeric">{t('sales.opportunity.percent', { n: item.probability })}</td>
              <td>{formatDate(item.expectedCloseDate)}</td>
              <td>
                <PriorityStars priority={item.priority} />
              </td>
            </>
          )}
        />
      </div>
    </ListSection>
  );
}

function MyLeads(props: { user: User }) {
  const { data: items, error, load } = useLoaded(async () => {
    // The leads still to work: new ones first, then qualified ones.
    const pages = await Promise.all((['new', 'qualified'] as const).map((status) => api.leads.list({ ownerId: props.user.id, status, limit: 10 })));
    return pages.flatMap((page) => page?.items ?? []);
  });
  return (
    <ListSection id="my-leads-title" title={t('identity.home.myLeads')} href="/leads/" linkLabel={t('identity.home.allLeads')}>
      <div class="table-scroll">
        <LoadedTable
          items={items()}
          error={error()}
          onRetry={() => void load()}
          empty={t('identity.home.noLeads')}
          columns={[t('common.title'), t('common.company'), t('common.status'), { label: t('sales.lead.score'), class: 'numeric' }]}
          row={(lead) => (
            <>
              <th scope="row">
                <a href={leadUrl(lead.id)}>{lead.title}</a>
              </th>
              <td>{lead.companyName ?? t('common.none')}</td>
              <td>
                <span class={`badge status-${lead.status}`}>{leadStatusLabel(lead.status)}</span>
              </td>
              <td class="numeric">{lead.score}</td>
            </>
          )}
        />
      </div>
    </ListSection>
  );
}

/** The open pipeline by stage: best case and weighted side by side, per currency. */
function PipelineChart() {
  const { data: board, error, load } = useLoaded(() => api.pipeline.board());
  return (
    <ListSection id="pipeline-chart-title" title={t('sales.home.pipeline')} href="/forecast/" linkLabel={t('sales.home.openForecast')}>
      <LoadState data={board()} error={error()} onRetry={() => void load()}>
        {(current) => (
          <Show when={pipelineCharts(current().columns).length > 0} fallback={<p class="empty">{t('identity.home.noOpportunities')}</p>}>
            <For each={pipelineCharts(current().columns)}>
              {(chart) => (
                <div class="card" data-pipeline-chart={chart.currency}>
                  <Chart
                    label={t('sales.home.pipelineChart', { currency: chart.currency })}
                    categoryHeader={t('sales.opportunity.stage')}
                    data={{
                      kind: 'bar',
                      categories: chart.stages,
                      series: [
                        { name: t('sales.forecast.bestCase'), values: chart.amount },
                        { name: t('sales.pipeline.weighted'), values: chart.weighted, tone: 0, faded: true },
                      ],
                    }}
                    format={(value) => formatMoney(value ?? 0, chart.currency)}
                    axisFormat={(value) => formatMoneyCompact(value ?? 0, chart.currency)}
                    height={200}
                  />
                </div>
              )}
            </For>
          </Show>
        )}
      </LoadState>
    </ListSection>
  );
}

/** The sales part of the staff home: the rep's day, the pipeline, their opportunities and leads. */
export default function SalesHome(props: { user: User }) {
  const [stages, setStages] = createSignal<Stage[]>([]);
  onMount(() => {
    api.pipeline.stages().then((list) => setStages(Array.isArray(list) ? list : []), () => undefined);
  });
  return (
    <div class="stack">
      <MyDayView />
      <PipelineChart />
      <MyOpportunities user={props.user} stages={stages()} />
      <MyLeads user={props.user} />
    </div>
  );
}

