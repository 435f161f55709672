import type { Stage } from '../shared/modules/sales/schemas/opportunity.schema';
import { UNKNOWN_API_PATH } from './api-read';
import type { BenchDb } from './db-access';
import { expectStatus, type KeepAliveClient } from './http-client';
import { interleavedP50 } from './interleave';
import { loadOpenOpportunities, loadTimelineItems } from './load-sales';
import { figure, note } from './report';
import { waitForStreamPump } from './stream-barrier';

const BOARD_SMALL = 500;
const BOARD_LARGE = 5_000;
const TIMELINE_SMALL = 50;
const TIMELINE_LARGE = 5_000;
const BOARD = '/api/v1/pipeline/board';
const WARM_UP_ROUNDS = 200;
const ROUNDS = 400;

type Board = { columns: Array<{ opportunities: unknown[] }> };

function parsed<T>(result: { body: string }): T {
  return JSON.parse(result.body) as T;
}

async function openOpportunities(data: BenchDb, stages: readonly Stage[]): Promise<number> {
  let total = 0;
  for (const stage of stages.filter((s) => !s.isWon && !s.isLost)) {
    const { data: rows } = await data.OpportunityEntity().query.openByStage({ stage: stage.id }).go({ pages: 'all', attributes: ['opportunityId'] });
    total += rows.length;
  }
  return total;
}

async function boardAt(api: KeepAliveClient, data: BenchDb, owner: { accountId: string; ownerId: string }, stages: readonly Stage[], size: number): Promise<Record<string, number>> {
  const have = await openOpportunities(data, stages);
  if (have < size) await loadOpenOpportunities(data, owner, stages, size - have);
  if ((await openOpportunities(data, stages)) !== size) throw new Error(`expected ${size} open opportunities`);
  await waitForStreamPump(data);
  const cards = parsed<Board>(expectStatus(await api.get(BOARD), 200, 'board')).columns.reduce((n, c) => n + c.opportunities.length, 0);
  note(`board at ${size} open opportunities shows ${cards} cards on its first page`);
  return interleavedP50(
    [
      { name: 'board', run: async () => expectStatus(await api.get(BOARD), 200, 'board') },
      { name: 'floor', run: async () => expectStatus(await api.get(UNKNOWN_API_PATH), 404, 'unknown path') },
    ],
    WARM_UP_ROUNDS,
    ROUNDS,
  );
}

/**
 * board_scaling_ratio: p50 of GET /pipeline/board with 5,000 open opportunities over the same
 * with 500 (one server, 500 first, then topped up), with the 404 floor as the control for
 * how much the machine changed in between.
 */
export async function measureBoardScaling(api: KeepAliveClient, data: BenchDb, accountId: string): Promise<void> {
  const stages = parsed<Stage[]>(expectStatus(await api.get('/api/v1/pipeline/stages'), 200, 'stages'));
  const { user } = parsed<{ user: { id: string } }>(expectStatus(await api.get('/api/v1/auth/me'), 200, 'me'));
  const owner = { accountId, ownerId: user.id };
  const small = await boardAt(api, data, owner, stages, BOARD_SMALL);
  const large = await boardAt(api, data, owner, stages, BOARD_LARGE);
  figure('board_scaling_ratio', large.board! / small.board!, 'ratio');
  figure('board_p50_500_ms', small.board!, 'ms', 3);
  figure('board_p50_5k_ms', large.board!, 'ms', 3);
  figure('board_floor_drift_ratio', large.floor! / small.floor!, 'ratio');
}

async function benchAccount(api: KeepAliveClient, data: BenchDb, name: string, items: number): Promise<string> {
  const created = expectStatus(await api.post('/api/v1/accounts', { name, tags: ['bench'] }), 201, 'create account');
  const { id } = parsed<{ id: string }>(created);
  const { data: rows } = await data.TimelineItemEntity().query.byAccount({ accountId: id }).go({ pages: 'all', attributes: ['itemId'] });
  await loadTimelineItems(data, id, items - rows.length);
  return id;
}

/**
 * timeline_scaling_ratio: p50 of the first timeline page of an account with 5,000 items over
 * that of an account with 50. Both accounts live side by side, so the two are interleaved.
 */
export async function measureTimelineScaling(api: KeepAliveClient, data: BenchDb): Promise<void> {
  const small = await benchAccount(api, data, 'PT. Bench Timeline Kecil', TIMELINE_SMALL);
  const large = await benchAccount(api, data, 'PT. Bench Timeline Besar', TIMELINE_LARGE);
  await waitForStreamPump(data);
  const firstPage = (id: string) => `/api/v1/accounts/${id}/timeline`;
  for (const id of [small, large]) {
    const { items } = parsed<{ items: unknown[] }>(expectStatus(await api.get(firstPage(id)), 200, 'timeline'));
    if (items.length !== 25) throw new Error(`the first timeline page holds ${items.length} items, not 25`);
  }
  const p50 = await interleavedP50(
    [
      { name: 'small', run: async () => expectStatus(await api.get(firstPage(small)), 200, 'timeline') },
      { name: 'large', run: async () => expectStatus(await api.get(firstPage(large)), 200, 'timeline') },
    ],
    WARM_UP_ROUNDS,
    ROUNDS,
  );
  figure('timeline_scaling_ratio', p50.large! / p50.small!, 'ratio');
  figure('timeline_p50_50_ms', p50.small!, 'ms', 3);
  figure('timeline_p50_5k_ms', p50.large!, 'ms', 3);
}
