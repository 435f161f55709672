import { forecastCharts } from '../../../portals/ui/src/features/sales/forecast-chart';

const stages = [
  { id: 'new', name: 'New', probability: 10, isWon: false, isLost: false },
  { id: 'proposition', name: 'Proposition', probability: 50, isWon: false, isLost: false },
  { id: 'won', name: 'Won', probability: 100, isWon: true, isLost: false },
];
const texts = { bestCase: 'Best case', weighted: 'Weighted', series: (stage: string, measure: string) => `${stage}, ${measure}` };

describe('forecast chart series', () => {
  const rows = [
    { month: '2026-12', currency: 'IDR', count: 2, amount: 4_001, weighted: 1_601, stages: [{ stage: 'new', count: 1, amount: 1_000, weighted: 100 }, { stage: 'proposition', count: 1, amount: 3_001, weighted: 1_501 }] },
    { month: '2027-02', currency: 'USD', count: 1, amount: 500, weighted: 50, stages: [{ stage: 'new', count: 1, amount: 500, weighted: 50 }] },
    { month: 'unscheduled', currency: 'IDR', count: 1, amount: 700, weighted: 70, stages: [{ stage: 'new', count: 1, amount: 700, weighted: 70 }] },
  ];

  it('draws one chart per currency: best case and weighted stacks, a series per stage that has money', () => {
    const [idr, usd] = forecastCharts(rows, stages, texts);
    expect(idr!.currency).toBe('IDR');
    expect(idr!.months).toEqual(['2026-12', 'unscheduled']);
    expect(idr!.stages).toEqual([
      { id: 'new', name: 'New', tone: 0 },
      { id: 'proposition', name: 'Proposition', tone: 1 },
    ]);
    expect(idr!.data.series).toEqual([
      { name: 'New, Best case', values: [1_000, 700], stack: 'best', tone: 0 },
      { name: 'Proposition, Best case', values: [3_001, 0], stack: 'best', tone: 1 },
      { name: 'New, Weighted', values: [100, 70], stack: 'weighted', tone: 0, faded: true },
      { name: 'Proposition, Weighted', values: [1_501, 0], stack: 'weighted', tone: 1, faded: true },
    ]);
    expect(usd!.stages).toEqual([{ id: 'new', name: 'New', tone: 0 }]);
  });

  it('each stack of a month adds up to the month’s best case and weighted totals', () => {
    for (const chart of forecastCharts(rows, stages, texts)) {
      chart.months.forEach((month, c) => {
        const row = rows.find((r) => r.month === month && r.currency === chart.currency)!;
        const total = (stack: string) => chart.data.series.filter((s) => s.stack === stack).reduce((sum, s) => sum + s.values[c]!, 0);
        expect([total('best'), total('weighted')]).toEqual([row.amount, row.weighted]);
      });
    }
  });

  it('names a stage the pipeline no longer has by its id, after the known ones', () => {
    const [chart] = forecastCharts([{ month: '2026-12', currency: 'IDR', count: 2, amount: 2, weighted: 0, stages: [{ stage: 'old', count: 1, amount: 1, weighted: 0 }, { stage: 'new', count: 1, amount: 1, weighted: 0 }] }], stages, texts);
    expect(chart!.stages).toEqual([
      { id: 'new', name: 'New', tone: 0 },
      { id: 'old', name: 'old', tone: 3 },
    ]);
  });
});
