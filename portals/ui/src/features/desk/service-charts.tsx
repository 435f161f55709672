import type { MetricsDay } from '../../api/types';
import { Chart } from '../../kit/chart';
import { formatNumber, formatPercent, intlLocale } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

const shortDay = (day: string) => new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const longDay = (day: string) => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const none = () => t('common.none');

/** The period day by day: tickets opened and resolved, SLA compliance and CSAT of each day's tickets. */
export function ServiceCharts(props: { days: MetricsDay[] }) {
  const categories = () => props.days.map((d) => shortDay(d.day));
  const names = () => props.days.map((d) => longDay(d.day));
  return (
    <div class="chart-grid" style={{ display: 'grid', gap: '1rem', 'grid-template-columns': 'repeat(auto-fit, minmax(min(100%, 26rem), 1fr))' }}>
      <section class="card" data-service-chart="tickets">
        <Chart
          title={t('desk.metrics.perDay')}
          categoryHeader={t('desk.metrics.day')}
          categoryNames={names()}
          data={{
            kind: 'line',
            categories: categories(),
            series: [
              { name: t('desk.metrics.opened'), values: props.days.map((d) => d.opened) },
              { name: t('desk.metrics.resolved'), values: props.days.map((d) => d.resolved), tone: 2 },
            ],
          }}
          format={(value) => (value === null ? none() : formatNumber(value))}
          integer
        />
      </section>
      <section class="card" data-service-chart="sla">
        <Chart
          title={t('desk.metrics.complianceTrend')}
          categoryHeader={t('desk.metrics.day')}
          categoryNames={names()}
          data={{ kind: 'bar', categories: categories(), series: [{ name: t('desk.metrics.compliance'), values: props.days.map((d) => d.slaCompliancePercent) }] }}
          format={(value) => (value === null ? none() : formatPercent(value))}
          max={100}
          note={t('desk.metrics.trendNote')}
        />
      </section>
      <section class="card" data-service-chart="csat">
        <Chart
          title={t('desk.metrics.csatTrend')}
          categoryHeader={t('desk.metrics.day')}
          categoryNames={names()}
          data={{ kind: 'line', categories: categories(), series: [{ name: t('desk.metrics.csat'), values: props.days.map((d) => d.csatAverage), tone: 1 }] }}
          format={(value) => (value === null ? none() : formatNumber(Math.round(value * 10) / 10))}
          max={5}
          note={t('desk.metrics.trendNote')}
        />
      </section>
    </div>
  );
}
