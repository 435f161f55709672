import type { Stage } from '../shared/modules/sales/schemas/opportunity.schema';
import type { BenchDb } from './db-access';
import { prng } from './load-accounts';
import { note } from './report';

const random = prng(2027);
const BATCH = 2_500;
let opportunities = 0;
let timelineItems = 0;

/** Batch puts (25 items a request, unprocessed items retried by ElectroDB) of ready records. */
async function putAll(put: (rows: any[]) => Promise<{ unprocessed: unknown[] }>, rows: unknown[], what: string): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    const { unprocessed } = await put(rows.slice(i, i + BATCH));
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} ${what} were not written`);
  }
  const seconds = (performance.now() - started) / 1000;
  note(`loaded ${rows.length} ${what} in ${seconds.toFixed(1)} s (${Math.round(rows.length / seconds)}/s)`);
}

/**
 * Adds `count` open opportunities of `accountId` owned by `ownerId`, spread over the open stages, with the exact
 * record shape the app writes (the board's running-total items are left as they are: the
 * board reads one of them per column whatever the numbers).
 */
export async function loadOpenOpportunities(data: BenchDb, owner: { accountId: string; ownerId: string }, stages: readonly Stage[], count: number): Promise<void> {
  const open = stages.filter((s) => !s.isWon && !s.isLost);
  const rows = Array.from({ length: count }, () => {
    const stage = open[Math.floor(random() * open.length)]!;
    const n = ++opportunities;
    return data.newOpportunityRecord({
      name: `Bench catering contract ${n}`,
      ...owner,
      stage: stage.id,
      probability: stage.probability,
      probabilityManual: false,
      priority: Math.floor(random() * 4),
      expectedRevenue: { amount: 1_000_000 * (1 + Math.floor(random() * 500)), currency: 'IDR' },
    });
  });
  await putAll((batch) => data.OpportunityEntity().put(batch).go({ concurrency: 4 }), rows, 'open opportunities');
}

/** Adds `count` timeline items (calls, one a minute back from now) to one account's partition. */
export async function loadTimelineItems(data: BenchDb, accountId: string, count: number): Promise<void> {
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const n = ++timelineItems;
    return {
      accountId,
      itemId: `bench-${String(n).padStart(8, '0')}`,
      type: 'activity',
      recordId: `bench-activity-${n}`,
      title: `Call: delivery schedule ${n}`,
      summary: 'Logged call about the weekly catering delivery',
      channel: 'phone',
      at: new Date(now - (count - i) * 60_000).toISOString(),
    };
  });
  await putAll((batch) => data.TimelineItemEntity().put(batch).go({ concurrency: 4 }), rows, 'timeline items');
}
