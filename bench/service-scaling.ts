import { randomUUID } from 'node:crypto';
import type { TicketRecord } from '../shared/modules/desk/db/ticket.repository';
import { TICKET_PRIORITIES } from '../shared/modules/desk/domain/service-vocabulary';
import { UNKNOWN_API_PATH } from './api-read';
import type { BenchDb } from './db-access';
import { expectStatus, type KeepAliveClient } from './http-client';
import { interleavedP50 } from './interleave';
import { prng } from './load-accounts';
import { figure, note } from './report';

const QUEUE_SMALL = 1_000;
const QUEUE_LARGE = 20_000;
const BREACHING = '/api/v1/tickets?queue=breaching';
const BATCH = 2_500;
const WARM_UP_ROUNDS = 200;
const ROUNDS = 400;
const MINUTE = 60_000;

const random = prng(2028);
let loaded = 0;

/**
 * `count` more open, assigned tickets of one account, in the shape the ticket service stores
 * them. Next deadlines spread evenly from 2 hours ago to 2 days ahead, so 3 hours of that
 * span, about 1 ticket in 17, is in the breaching window (overdue or due within the hour).
 */
async function loadOpenTickets(data: BenchDb, accountId: string, assigneeId: string, count: number): Promise<void> {
  const started = performance.now();
  const now = Date.now();
  for (let done = 0; done < count; done += BATCH) {
    const records = Array.from({ length: Math.min(BATCH, count - done) }, (): TicketRecord => {
      const n = ++loaded;
      const createdAt = new Date(now - Math.floor(random() * 3 * 24 * 60) * MINUTE).toISOString();
      const due = new Date(now + Math.floor(-120 + random() * (2 * 24 * 60 + 120)) * MINUTE).toISOString();
      return {
        ticketId: randomUUID(),
        number: `T-BENCH-${String(n).padStart(6, '0')}`,
        subject: `Late delivery to the canteen, order ${n}`,
        description: 'The lunch delivery arrived after 12:30.',
        accountId,
        channel: 'phone',
        priority: TICKET_PRIORITIES[Math.floor(random() * TICKET_PRIORITIES.length)]!,
        status: 'open',
        assigneeId,
        sla: { policyId: 'default', firstResponseDueAt: due, resolutionDueAt: due, breached: false, paused: false, pausedMinutes: 0 },
        version: 1,
        createdAt,
        updatedAt: createdAt,
      };
    });
    await data.ticketRepository.putMany(records);
  }
  const seconds = (performance.now() - started) / 1000;
  note(`loaded ${count} open tickets in ${seconds.toFixed(1)} s (${Math.round(count / seconds)}/s)`);
}

async function queueAt(api: KeepAliveClient, data: BenchDb, accountId: string, assigneeId: string, size: number): Promise<Record<string, number>> {
  await loadOpenTickets(data, accountId, assigneeId, size - loaded);
  const { items } = JSON.parse(expectStatus(await api.get(BREACHING), 200, 'breaching queue').body) as { items: unknown[] };
  if (items.length !== 25) throw new Error(`the breaching queue's first page holds ${items.length} tickets, not 25`);
  return interleavedP50(
    [
      { name: 'queue', run: async () => expectStatus(await api.get(BREACHING), 200, 'breaching queue') },
      { name: 'floor', run: async () => expectStatus(await api.get(UNKNOWN_API_PATH), 404, 'unknown path') },
    ],
    WARM_UP_ROUNDS,
    ROUNDS,
  );
}

/**
 * queue_scaling_ratio: p50 of the "breaching soon" queue's first page with 20,000 open
 * tickets over the same with 1,000 (one server, 1,000 first, then topped up), with the 404
 * floor as the control for how much the machine changed in between.
 */
export async function measureQueueScaling(api: KeepAliveClient, data: BenchDb, accountId: string): Promise<void> {
  const { user } = JSON.parse(expectStatus(await api.get('/api/v1/auth/me'), 200, 'me').body) as { user: { id: string } };
  const small = await queueAt(api, data, accountId, user.id, QUEUE_SMALL);
  const large = await queueAt(api, data, accountId, user.id, QUEUE_LARGE);
  figure('queue_scaling_ratio', large.queue! / small.queue!, 'ratio');
  figure('queue_p50_1k_ms', small.queue!, 'ms', 3);
  figure('queue_p50_20k_ms', large.queue!, 'ms', 3);
  figure('queue_floor_drift_ratio', large.floor! / small.floor!, 'ratio');
}
