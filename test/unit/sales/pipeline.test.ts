import { DEFAULT_STAGES } from '../../../shared/modules/sales/domain/sales-vocabulary';
import { forecastBuckets, forecastMonth, openStages, probabilityAfterMove, stageProblems, totalDeltas, weightedAmount } from '../../../shared/modules/sales/domain/pipeline';

const stages = DEFAULT_STAGES.map((s) => ({ ...s }));

describe('weighted amount', () => {
  it.each([
    [150_000_000, 25, 37_500_000],
    [1_000_001, 25, 250_000],
    [3_333, 50, 1_667],
    [1, 50, 1],
    [1, 49, 0],
    [0, 75, 0],
    [999, 0, 0],
    [999, 100, 999],
    [-3_333, 50, -1_667],
  ])('%d × %d%% = %d (half-up)', (amount, probability, expected) => {
    expect(weightedAmount(amount, probability)).toBe(expected);
  });
});

describe('stage probability on a move', () => {
  it('follows the stage unless set by hand', () => {
    expect(probabilityAfterMove({ probability: 10, probabilityManual: false }, { probability: 50 })).toBe(50);
    expect(probabilityAfterMove({ probability: 10 }, { probability: 75 })).toBe(75);
    expect(probabilityAfterMove({ probability: 60, probabilityManual: true }, { probability: 75 })).toBe(60);
  });
});

describe('stage list rules', () => {
  it('accepts the defaults and lists the open stages in order', () => {
    expect(stageProblems(stages)).toEqual([]);
    expect(openStages(stages).map((s) => s.id)).toEqual(['new', 'qualified', 'proposition', 'negotiation']);
  });

  it('needs exactly one won and one lost stage, unique ids and an open stage', () => {
    expect(stageProblems(stages.filter((s) => !s.isWon))).toEqual(['Exactly one stage must be the won stage.']);
    expect(stageProblems([...stages, { ...stages[5]!, id: 'lost2' }])).toEqual(['Exactly one stage must be the lost stage.']);
    expect(stageProblems([...stages, stages[0]!])).toEqual(['Stage ids must be unique.']);
    expect(stageProblems(stages.filter((s) => s.isWon || s.isLost))).toEqual(['At least one open stage is needed.']);
  });
});

describe('forecast', () => {
  it('buckets by expected close month and currency, unscheduled last', () => {
    expect(forecastMonth('2026-12-31')).toBe('2026-12');
    expect(forecastMonth(undefined)).toBe('unscheduled');
    const buckets = forecastBuckets(
      [
        { stage: 'qualified', amount: 1_000, currency: 'IDR', probability: 10, expectedCloseDate: '2027-01-02' },
        { stage: 'new', amount: 3_001, currency: 'IDR', probability: 50 },
        { stage: 'qualified', amount: 2_000, currency: 'IDR', probability: 25, expectedCloseDate: '2026-12-31' },
        { stage: 'new', amount: 1_001, currency: 'IDR', probability: 50, expectedCloseDate: '2026-12-01' },
        { stage: 'new', amount: 10, currency: 'USD', probability: 50, expectedCloseDate: '2026-12-01' },
      ],
      ['new', 'qualified'],
    );
    expect(buckets).toEqual([
      {
        month: '2026-12',
        currency: 'IDR',
        count: 2,
        amount: 3_001,
        weighted: 500 + 501,
        stages: [
          { stage: 'new', count: 1, amount: 1_001, weighted: 501 },
          { stage: 'qualified', count: 1, amount: 2_000, weighted: 500 },
        ],
      },
      { month: '2026-12', currency: 'USD', count: 1, amount: 10, weighted: 5, stages: [{ stage: 'new', count: 1, amount: 10, weighted: 5 }] },
      { month: '2027-01', currency: 'IDR', count: 1, amount: 1_000, weighted: 100, stages: [{ stage: 'qualified', count: 1, amount: 1_000, weighted: 100 }] },
      { month: 'unscheduled', currency: 'IDR', count: 1, amount: 3_001, weighted: 1_501, stages: [{ stage: 'new', count: 1, amount: 3_001, weighted: 1_501 }] },
    ]);
  });

  it('orders stages by the pipeline, unknown stages last by id', () => {
    const [bucket] = forecastBuckets(
      [
        { stage: 'zeta', amount: 1, currency: 'IDR', probability: 0 },
        { stage: 'negotiation', amount: 1, currency: 'IDR', probability: 0 },
        { stage: 'alpha', amount: 1, currency: 'IDR', probability: 0 },
        { stage: 'new', amount: 1, currency: 'IDR', probability: 0 },
      ],
      ['new', 'negotiation'],
    );
    expect(bucket!.stages.map((s) => s.stage)).toEqual(['new', 'negotiation', 'alpha', 'zeta']);
  });
});

describe('running total deltas', () => {
  const card = { stage: 'qualified', currency: 'IDR', amount: 3_333, probability: 25, status: 'open' };

  it('adds a new card and takes a closed one out', () => {
    expect(totalDeltas(undefined, card)).toEqual([{ stage: 'qualified', currency: 'IDR', count: 1, amount: 3_333, weighted: 833 }]);
    expect(totalDeltas(card, { ...card, stage: 'won', probability: 100, status: 'won' })).toEqual([{ stage: 'qualified', currency: 'IDR', count: -1, amount: -3_333, weighted: -833 }]);
  });

  it('moves a card between columns', () => {
    expect(totalDeltas(card, { ...card, stage: 'proposition', probability: 50 })).toEqual([
      { stage: 'qualified', currency: 'IDR', count: -1, amount: -3_333, weighted: -833 },
      { stage: 'proposition', currency: 'IDR', count: 1, amount: 3_333, weighted: 1_667 },
    ]);
  });

  it('merges a change within a column into one delta and leaves unchanged totals out', () => {
    expect(totalDeltas(card, { ...card, amount: 4_000 })).toEqual([{ stage: 'qualified', currency: 'IDR', count: 0, amount: 667, weighted: 167 }]);
    expect(totalDeltas(card, { ...card })).toEqual([]);
    expect(totalDeltas({ ...card, status: 'lost' }, { ...card, status: 'lost', amount: 9 })).toEqual([]);
  });
});
