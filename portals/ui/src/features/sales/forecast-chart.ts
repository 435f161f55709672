import type { ChartData } from '../../kit/chart-model';
import type { ForecastMonth, Stage } from '../../api/types';

export type ForecastChart = {
  currency: string;
  data: ChartData;
  /** The months as the bucket keys (`2026-12`, `unscheduled`), in the chart's order. */
  months: string[];
  /** The stages that carry money in this currency, in pipeline order, with their colour. */
  stages: { id: string; name: string; tone: number }[];
};

type Measure = { bestCase: string; weighted: string; series: (stage: string, measure: string) => string };

/**
 * One chart per currency: a pair of bars per close month, best case (expected revenue) and
 * weighted (× probability), each stacked by stage. A stage keeps its colour across charts.
 */
export function forecastCharts(rows: readonly ForecastMonth[], stages: readonly Stage[], texts: Measure): ForecastChart[] {
  const currencies = [...new Set(rows.map((r) => r.currency))];
  const order = [...stages.map((s) => s.id), ...new Set(rows.flatMap((r) => r.stages.map((s) => s.stage)))];
  const ids = [...new Set(order)];
  return currencies.map((currency) => {
    const own = rows.filter((r) => r.currency === currency);
    const used = ids.filter((id) => own.some((r) => r.stages.some((s) => s.stage === id)));
    const sum = (row: ForecastMonth, id: string, key: 'amount' | 'weighted') => row.stages.find((s) => s.stage === id)?.[key] ?? 0;
    const named = used.map((id) => ({ id, name: stages.find((s) => s.id === id)?.name ?? id, tone: ids.indexOf(id) }));
    return {
      currency,
      months: own.map((r) => r.month),
      stages: named,
      data: {
        kind: 'bar',
        categories: own.map((r) => r.month),
        series: [
          ...named.map((s) => ({ name: texts.series(s.name, texts.bestCase), values: own.map((r) => sum(r, s.id, 'amount')), stack: 'best', tone: s.tone })),
          ...named.map((s) => ({ name: texts.series(s.name, texts.weighted), values: own.map((r) => sum(r, s.id, 'weighted')), stack: 'weighted', tone: s.tone, faded: true })),
        ],
      },
    };
  });
}
