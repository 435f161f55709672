/** A pipeline stage: an open column of the board, or the stage that closes a deal as won or lost. */
export type Stage = { id: string; name: string; probability: number; isWon: boolean; isLost: boolean };

/** Expected revenue × probability / 100 in integer minor units, rounded half away from zero. */
export function weightedAmount(amount: number, probability: number): number {
  const sign = amount < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(amount) * probability + 50) / 100);
}

/**
 * The probability a card carries after moving to `stage`: the stage's own probability,
 * unless someone set the probability by hand, which then sticks.
 */
export function probabilityAfterMove(current: { probability: number; probabilityManual?: boolean }, stage: Pick<Stage, 'probability'>): number {
  return current.probabilityManual ? current.probability : stage.probability;
}

/** The stages a card can sit in while open (the board's columns), in pipeline order. */
export function openStages(stages: readonly Stage[]): Stage[] {
  return stages.filter((s) => !s.isWon && !s.isLost);
}

export const wonStage = (stages: readonly Stage[]): Stage => stages.find((s) => s.isWon)!;
export const lostStage = (stages: readonly Stage[]): Stage => stages.find((s) => s.isLost)!;

/** What is wrong with a pipeline definition (empty when it is usable). */
export function stageProblems(stages: readonly Stage[]): string[] {
  const problems: string[] = [];
  const ids = stages.map((s) => s.id);
  if (new Set(ids).size !== ids.length) problems.push('Stage ids must be unique.');
  if (stages.filter((s) => s.isWon).length !== 1) problems.push('Exactly one stage must be the won stage.');
  if (stages.filter((s) => s.isLost).length !== 1) problems.push('Exactly one stage must be the lost stage.');
  if (stages.some((s) => s.isWon && s.isLost)) problems.push('A stage cannot be both won and lost.');
  if (openStages(stages).length === 0) problems.push('At least one open stage is needed.');
  return problems;
}

/** The month an opportunity is expected to close in (`YYYY-MM`), or `unscheduled`. */
export function forecastMonth(expectedCloseDate?: string): string {
  return expectedCloseDate ? expectedCloseDate.slice(0, 7) : 'unscheduled';
}

export type ForecastInput = { stage: string; amount: number; currency: string; probability: number; expectedCloseDate?: string };
export type ForecastStageSum = { stage: string; count: number; amount: number; weighted: number };
export type ForecastBucket = { month: string; currency: string; count: number; amount: number; weighted: number; stages: ForecastStageSum[] };

/**
 * Sum (best case) and weighted sum per expected close month and currency, each split by stage;
 * months ascending, `unscheduled` last; stages in `stageOrder` (others after, by id).
 */
export function forecastBuckets(opportunities: readonly ForecastInput[], stageOrder: readonly string[] = []): ForecastBucket[] {
  const buckets = new Map<string, ForecastBucket>();
  for (const o of opportunities) {
    const month = forecastMonth(o.expectedCloseDate);
    const key = `${month}|${o.currency}`;
    const bucket = buckets.get(key) ?? { month, currency: o.currency, count: 0, amount: 0, weighted: 0, stages: [] };
    const weighted = weightedAmount(o.amount, o.probability);
    bucket.count += 1;
    bucket.amount += o.amount;
    bucket.weighted += weighted;
    let stage = bucket.stages.find((s) => s.stage === o.stage);
    if (!stage) bucket.stages.push((stage = { stage: o.stage, count: 0, amount: 0, weighted: 0 }));
    stage.count += 1;
    stage.amount += o.amount;
    stage.weighted += weighted;
    buckets.set(key, bucket);
  }
  const rank = (m: string) => (m === 'unscheduled' ? '9999-99' : m);
  const place = (stage: string) => (stageOrder.includes(stage) ? stageOrder.indexOf(stage) : stageOrder.length);
  for (const bucket of buckets.values()) bucket.stages.sort((a, b) => place(a.stage) - place(b.stage) || a.stage.localeCompare(b.stage));
  return [...buckets.values()].sort((a, b) => rank(a.month).localeCompare(rank(b.month)) || a.currency.localeCompare(b.currency));
}

export type Contribution = { stage: string; currency: string; amount: number; probability: number; status: string };
export type TotalDelta = { stage: string; currency: string; count: number; amount: number; weighted: number };

/**
 * How a change moves the running column totals: take out what the card counted for before,
 * add what it counts for now (only open cards count). One delta per stage and currency,
 * so a transaction touches each total item once; unchanged totals are left out.
 */
export function totalDeltas(before: Contribution | undefined, after: Contribution | undefined): TotalDelta[] {
  const deltas = new Map<string, TotalDelta>();
  const apply = (c: Contribution | undefined, sign: 1 | -1) => {
    if (!c || c.status !== 'open') return;
    const key = `${c.stage}|${c.currency}`;
    const d = deltas.get(key) ?? { stage: c.stage, currency: c.currency, count: 0, amount: 0, weighted: 0 };
    d.count += sign;
    d.amount += sign * c.amount;
    d.weighted += sign * weightedAmount(c.amount, c.probability);
    deltas.set(key, d);
  };
  apply(before, -1);
  apply(after, 1);
  return [...deltas.values()].filter((d) => d.count !== 0 || d.amount !== 0 || d.weighted !== 0);
}

/** What a stage history entry records. */
export const STAGE_CHANGE_KINDS = ['created', 'moved', 'won', 'lost'] as const;
export type StageChangeKind = (typeof STAGE_CHANGE_KINDS)[number];
