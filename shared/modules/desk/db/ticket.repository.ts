import type { Page } from '../../../platform/page';
import type { SlaClock } from '../domain/sla-policy';
import { isOpenStatus } from '../domain/ticket-assignment';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { AgentLoadEntity } from './agent-load.entity';
import { EscalationMarkerEntity } from './escalation-marker.entity';
import { TicketEntity, type TicketRow } from './ticket.entity';
import { TicketLaneEntity } from './ticket-lane.entity';
import { TicketMessageEntity, type TicketMessageRow } from './ticket-message.entity';

/** The attributes of a ticket's indexes that the repository derives from the rest on every write. */
type DerivedIndexAttribute = 'slaDueAt' | 'slaRunning' | 'createdMonth';

/** A ticket as the services read and write it: its row without the derived index attributes. */
export type TicketRecord = Omit<TicketRow, DerivedIndexAttribute>;

/** The lane's assignee key of an unassigned ticket. */
const UNASSIGNED = 'unassigned';
/** The lane's contact key of a ticket without a customer contact. */
const NO_CONTACT = '-';
/** Sorts before every ISO instant: the open start of a due-time range. */
const BEFORE_ANY_TIME = '0';

/** The deadline the clock runs towards next: the first response until it is given, then the resolution. */
function nextDeadline(sla: SlaClock): string {
  if (sla.firstRespondedAt) return sla.resolutionDueAt;
  return sla.firstResponseDueAt < sla.resolutionDueAt ? sla.firstResponseDueAt : sla.resolutionDueAt;
}

function stored(record: TicketRecord): TicketRow {
  return { ...record, slaDueAt: nextDeadline(record.sla), slaRunning: isOpenStatus(record.status) && !record.sla.paused, createdMonth: record.createdAt.slice(0, 7) };
}

function laneOf(row: TicketRow) {
  return { ticketId: row.ticketId, contactKey: row.contactId ?? NO_CONTACT, assigneeKey: row.assigneeId ?? UNASSIGNED, open: isOpenStatus(row.status), createdAt: row.createdAt, ticket: row };
}

function recordOf({ slaDueAt: _due, slaRunning: _running, createdMonth: _month, ...record }: TicketRow): TicketRecord {
  return record;
}

/** The ticket a queue entry carries. */
const fromLane = (lane: { ticket: TicketRow }) => recordOf(lane.ticket);

/** Months (YYYY-MM) from the one of `fromIso` to the one of `toIso`, inclusive. */
function monthsBetween(fromIso: string, toIso: string): string[] {
  const months: string[] = [];
  const cursor = new Date(`${fromIso.slice(0, 7)}-01T00:00:00.000Z`);
  while (cursor.toISOString().slice(0, 7) <= toIso.slice(0, 7)) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

export const ticketRepository = {
  /** The ticket (never over an existing one) and its queue entry, for one transaction. */
  createOperations(record: TicketRecord) {
    const row = stored(record);
    return [op.put(TicketEntity().create(row).params()), op.put(TicketLaneEntity().put(laneOf(row)).params())];
  },

  /**
   * Store `next` in place of the ticket only if it is still at `expectedVersion`, with its
   * queue entry. Whole puts, so the sparse indexes follow status, assignee and clock.
   */
  saveOperations(next: TicketRecord, expectedVersion: number) {
    const row = stored(next);
    return [
      op.put(TicketEntity().put(row).where((attr, { eq }) => eq(attr.version, expectedVersion)).params()),
      op.put(TicketLaneEntity().put(laneOf(row)).params()),
    ];
  },

  /**
   * Many new tickets with their queue entries, in batch writes: bulk loads (`npm run bench`)
   * that skip the numbering, counters and mails a ticket created by the service gets.
   */
  async putMany(records: readonly TicketRecord[]): Promise<void> {
    const rows = records.map(stored);
    const writes = [TicketEntity().put(rows).go({ concurrency: 4 }), TicketLaneEntity().put(rows.map(laneOf)).go({ concurrency: 4 })];
    const unprocessed = (await Promise.all(writes)).reduce((n, result) => n + result.unprocessed.length, 0);
    if (unprocessed > 0) throw new Error(`${unprocessed} ticket items were not written`);
  },

  /** One ticket by id (one GetItem). */
  async get(ticketId: string): Promise<TicketRecord | undefined> {
    const { data } = await TicketEntity().get({ ticketId }).go();
    return data ? recordOf(data) : undefined;
  },

  /** An account's tickets, newest first. */
  byAccount(accountId: string, request: PageRequest): Promise<Page<TicketRecord>> {
    return queryPage(request, (options) => TicketEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), recordOf);
  },

  /** A contact's own tickets, newest first. */
  byContact(contactId: string, request: PageRequest): Promise<Page<TicketRecord>> {
    return queryPage(request, (options) => TicketLaneEntity().query.byContact({ contactKey: contactId }).go({ ...options, order: 'desc' }), fromLane);
  },

  /** An agent's open tickets (no agent: the unassigned ones), oldest first. */
  openByAssignee(assigneeId: string | undefined, request: PageRequest): Promise<Page<TicketRecord>> {
    return queryPage(request, (options) => TicketLaneEntity().query.openByAssignee({ assigneeKey: assigneeId ?? UNASSIGNED }).go(options), fromLane);
  },

  /** Every open ticket, oldest first. */
  open(request: PageRequest): Promise<Page<TicketRecord>> {
    return queryPage(request, (options) => TicketLaneEntity().query.openByCreated({}).go(options), fromLane);
  },

  /** Open tickets with a running clock whose next deadline is at or before `untilIso`, soonest first. */
  dueBy(untilIso: string, request: PageRequest): Promise<Page<TicketRecord>> {
    return queryPage(request, (options) => TicketEntity().query.openBySlaDue({}).between({ slaDueAt: BEFORE_ANY_TIME }, { slaDueAt: untilIso }).go(options), recordOf);
  },

  /** Every ticket with a running clock past its next deadline (the breach sweep's work). */
  async overdue(nowIso: string): Promise<TicketRecord[]> {
    const { data } = await TicketEntity().query.openBySlaDue({}).between({ slaDueAt: BEFORE_ANY_TIME }, { slaDueAt: nowIso }).go({ pages: 'all' });
    return data.map(recordOf);
  },

  /** Every open ticket created at or before `cutoffIso` (the escalation sweep's candidates). */
  async openCreatedBy(cutoffIso: string): Promise<TicketRecord[]> {
    const { data } = await TicketLaneEntity().query.openByCreated({}).between({ createdAt: BEFORE_ANY_TIME }, { createdAt: cutoffIso }).go({ pages: 'all' });
    return data.map(fromLane);
  },

  /** Every ticket created in [fromIso, toIso]: one Query per month on the creation-month index. */
  async createdBetween(fromIso: string, toIso: string): Promise<TicketRecord[]> {
    const months = await Promise.all(
      monthsBetween(fromIso, toIso).map((createdMonth) =>
        TicketEntity().query.byCreatedMonth({ createdMonth }).between({ createdAt: fromIso }, { createdAt: toIso }).go({ pages: 'all' }),
      ),
    );
    return months.flatMap(({ data }) => data.map(recordOf));
  },
};

export const ticketMessageRepository = {
  /** A new message (never over an existing one), for the transaction of what it changes. */
  createOperation(row: TicketMessageRow) {
    return op.put(TicketMessageEntity().create(row).params());
  },

  /** A ticket's conversation, oldest first; without internal notes, read from the public-only index. */
  list(ticketId: string, request: PageRequest, includeInternal: boolean): Promise<Page<TicketMessageRow>> {
    const query = includeInternal ? TicketMessageEntity().query.byTicket({ ticketId }) : TicketMessageEntity().query.publicByTicket({ ticketId });
    return queryPage(request, (options) => query.go(options), (row) => row);
  },
};

export const agentLoadRepository = {
  /** The updates that move agents' open-ticket counts by the given amounts. */
  adjustOperations(changes: ReadonlyMap<string, number>) {
    return [...changes].map(([agentId, delta]) => op.update(AgentLoadEntity().update({ agentId }).add({ openCount: delta }).params()));
  },

  /** Open-ticket counts of these agents (0 for an agent never counted), in one round trip. */
  async openCounts(agentIds: string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const { data } = await AgentLoadEntity().get(agentIds.map((agentId) => ({ agentId }))).go();
    return new Map(data.map((row) => [row.agentId, row.openCount ?? 0]));
  },
};

export const escalationMarkerRepository = {
  /** The marker, on the condition that the rule has not fired for the ticket yet. */
  createOperation(ticketId: string, ruleId: string, firedAt: string) {
    return op.put(EscalationMarkerEntity().create({ ticketId, ruleId, firedAt }).params());
  },

  /** Which of these tickets the rule has fired for already. */
  async firedFor(ticketIds: string[], ruleId: string): Promise<Set<string>> {
    if (ticketIds.length === 0) return new Set();
    const { data } = await EscalationMarkerEntity().get(ticketIds.map((ticketId) => ({ ticketId, ruleId }))).go();
    return new Set(data.map((row) => row.ticketId));
  },
};
