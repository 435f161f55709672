import { For, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { ServiceMetrics, Ticket, TicketQueue } from '../../api/types';
import { LoadedTable, LoadState, useLoaded } from '../../kit/data-table';
import { formatNumber, formatPercent } from '../../kit/format';
import { t } from '../../kit/i18n';
import { ServiceCharts } from './service-charts';
import { PriorityBadge, TicketLinkCells } from './ticket';
import './texts';

const QUEUES: TicketQueue[] = ['mine', 'unassigned', 'breaching'];
/** How many tickets a queue count reads; more shows as "50+". */
const COUNT_LIMIT = 50;

const utcDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The service part of the staff home: queue counts, tickets breaching soon, the last 30 days. */
export default function ServiceHome() {
  const queues = useLoaded(() =>
    Promise.all(
      QUEUES.map(async (queue) => {
        const page = await api.tickets.list({ queue, limit: COUNT_LIMIT });
        return { queue, items: (page?.items ?? []) as Ticket[], more: Boolean(page?.nextCursor) };
      }),
    ),
  );
  const metrics = useLoaded<ServiceMetrics>(() => api.serviceMetrics.get(utcDay(-29), utcDay()));
  const breaching = () => queues.data()?.find((q) => q.queue === 'breaching')?.items.slice(0, 5);
  return (
    <section class="stack" aria-labelledby="service-home-title">
      <div class="section-header">
        <h2 id="service-home-title">{t('desk.home.title')}</h2>
        <a href="/tickets/">{t('desk.home.openDesk')}</a>
      </div>
      <LoadState data={queues.data()} error={queues.error()} onRetry={() => void queues.load()}>
        {(current) => (
          <ul class="cards" aria-label={t('desk.queue')}>
            <For each={current()}>
              {(queue) => (
                <li class="card">
                  <h3>{t(`desk.queue.${queue.queue}`)}</h3>
                  <p style={{ 'font-size': '1.6rem', 'font-weight': '700', margin: '0' }} data-queue-count={queue.queue}>
                    {formatNumber(queue.items.length)}
                    {queue.more ? '+' : ''}
                  </p>
                </li>
              )}
            </For>
            <Show when={metrics.data()}>
              {(m) => (
                <li class="card">
                  <h3>{t('desk.metrics.csat')}</h3>
                  <p style={{ 'font-size': '1.6rem', 'font-weight': '700', margin: '0' }}>
                    {m().csatAverage === null ? t('common.none') : t('desk.ratingValue', { score: formatNumber(Math.round(m().csatAverage! * 10) / 10) })}
                  </p>
                  <p class="muted">
                    {t('desk.metrics.compliance')}: {m().slaCompliancePercent === null ? t('common.none') : formatPercent(m().slaCompliancePercent!)}
                  </p>
                </li>
              )}
            </Show>
          </ul>
        )}
      </LoadState>
      <h3>{t('desk.queue.breaching')}</h3>
      <LoadedTable
        items={breaching()}
        error={queues.error()}
        onRetry={() => void queues.load()}
        empty={t('desk.empty.breaching')}
        columns={[t('common.number'), t('desk.ticket.subject'), t('common.priority')]}
        row={(ticket) => (
          <>
            <TicketLinkCells ticket={ticket} />
            <td>
              <PriorityBadge priority={ticket.priority} />
            </td>
          </>
        )}
      />
      <Show when={metrics.data()?.byDay}>{(days) => <ServiceCharts days={days()} />}</Show>
    </section>
  );
}
