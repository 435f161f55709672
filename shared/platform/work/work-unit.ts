import type { Condition } from '../db/condition';
import { addMs, nowIso } from '../clock';

/**
 * Background work that survives restarts and failures. Each unit of work (an outbox mail, an
 * import chunk, an upload to clear away, a password reset request) is an item that carries its
 * own state, changed only by conditional writes:
 *
 *   pending ──claim──► claimed (lease) ──► done
 *      ▲                  │
 *      └──release (backoff)┘──after MAX_ATTEMPTS──► failed (reason)
 *
 * The table stream hands a new unit to the events function at once; the schedule function's
 * sweep (every minute) takes every unit that is still due: never claimed (its stream record was
 * skipped or failed past its retries), its lease run out (its worker died) or its backoff over.
 * Claiming is conditional, so a replayed stream record, a re-driven unit or a duplicate event
 * never does the work twice; a worker finishes only while its own claim holds (the attempt
 * number is the fencing token), so a late worker whose lease was taken over changes nothing.
 */
export const WORK_STATES = ['pending', 'claimed', 'done', 'failed'] as const;
export type WorkState = (typeof WORK_STATES)[number];

/** Attempts before a unit that keeps failing is left `failed` for a person to look at. */
export const MAX_WORK_ATTEMPTS = 5;

/** How long the stream has to claim a new unit before the sweep takes it itself. */
export const PICKUP_GRACE_MS = 2 * 60_000;

/** How long a claim holds when its kind says nothing else: longer than any one unit's work takes. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** The attributes every unit carries; spread into its entity's attributes. */
export const workAttributes = {
  workState: { type: WORK_STATES, required: true, default: 'pending' },
  /** Claims so far; the current one is the fencing token of the worker holding it. */
  workAttempts: { type: 'number', required: true, default: 0 },
  /** When the sweep is to look at the unit: pickup grace, lease end or backoff end (ISO). */
  workDueAt: { type: 'string', required: true },
  workLeaseUntil: { type: 'string' },
  /** Why the last attempt failed (kept on `failed` units for the screen that shows them). */
  workError: { type: 'string' },
} as const;

/**
 * One kind of unit by state, then due time: the sweep reads the `pending` and `claimed`
 * partitions up to now and nothing else; `failed` lists what a person should look at. (Not a
 * sparse index: ElectroDB does not put a unit back on one when a retry makes it due again.)
 */
export const workDueIndex = {
  index: 'gsi3',
  pk: { field: 'gsi3pk', composite: ['workState'] },
  sk: { field: 'gsi3sk', composite: ['workDueAt'] },
} as const;

/**
 * Lower bound of a due-time range: every kind shares the state partitions, so a range needs
 * both ends to stay within its own kind's sort keys (`'0'` sorts before any ISO time).
 */
const BEFORE_ANY_TIME = '0';

/** One kind's `workDue` query for one state, before its range: `XEntity().query.workDue({ workState })`. */
export type WorkDueQuery = {
  between: (from: { workDueAt: string }, to: { workDueAt: string }) => { go: (options: { limit: number; data: 'raw' }) => Promise<{ data: unknown }> };
};

/**
 * The units of one kind and state due by `now`, oldest first, as stored (ElectroDB's `data:
 * 'raw'`): the same shape the stream carries, so the stream and the sweep hand kinds one thing.
 */
export async function dueUnits(query: WorkDueQuery, now: string, limit: number): Promise<Record<string, unknown>[]> {
  const { data } = await query.between({ workDueAt: BEFORE_ANY_TIME }, { workDueAt: now }).go({ limit, data: 'raw' });
  // ElectroDB types every answer as parsed items; with `data: 'raw'` it is DynamoDB's Query output.
  return (data as { Items?: Record<string, unknown>[] }).Items ?? [];
}

/** A new unit's work attributes: pending, and due for the sweep once the stream had its chance. */
export function newWork(now = nowIso()): { workState: 'pending'; workAttempts: 0; workDueAt: string } {
  return { workState: 'pending', workAttempts: 0, workDueAt: addMs(now, PICKUP_GRACE_MS) };
}

/** Wait before attempt n + 1 after n failed ones: 30 s, 1, 2, 4 min… at most 30 min. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** The work attributes as stored on an item (from the stream or a read). */
export type WorkFields = { workState: WorkState; workAttempts: number; workDueAt: string; workLeaseUntil?: string; workError?: string };

/** A claim a worker holds: the attempt it is, which every later write of the unit must name. */
export type Claim = { attempt: number; leaseUntil: string };

/**
 * ElectroDB's update of one unit once a value is set, as far as the transitions use it. Any
 * entity spreading `workAttributes` fits it as it is, so the transitions need no cast.
 */
export type WorkUpdate = {
  set(values: Partial<WorkFields>): WorkUpdate;
  add(values: { workAttempts: number }): WorkUpdate;
  remove(attributes: ('workLeaseUntil' | 'workError')[]): WorkUpdate;
  where(condition: Condition<WorkFields>): WorkUpdate;
  /** Partial: without `response: 'all_new'` the answer holds only the unit's key. */
  go(options?: { response: 'all_new' }): Promise<{ data: Partial<WorkFields> }>;
  params(): object;
};

/**
 * The patch of one unit, `XEntity().patch(key)` of any kind's entity. `Extra`: other attributes
 * of that entity written when the unit is done (checked against the entity's own types).
 */
export type WorkPatch<Extra = unknown> = { set(values: Partial<WorkFields> & Extra): WorkUpdate };

/**
 * Claim a unit: pending, or claimed under a lease that ran out (when the kind allows taking over
 * such a unit). Undefined when someone else holds it or it is finished: nothing to do.
 */
export async function claimUnit(patch: () => WorkPatch, options: { now?: string; leaseMs?: number; takeOverExpired?: boolean } = {}): Promise<Claim | undefined> {
  const now = options.now ?? nowIso();
  const leaseUntil = addMs(now, options.leaseMs ?? DEFAULT_LEASE_MS);
  const takeOver = options.takeOverExpired ?? true;
  try {
    const { data } = await patch()
      .set({ workState: 'claimed', workLeaseUntil: leaseUntil, workDueAt: leaseUntil })
      .add({ workAttempts: 1 })
      .where((attr, { eq, lt }) => {
        const pending = eq(attr.workState, 'pending');
        return takeOver ? `(${pending}) OR (${eq(attr.workState, 'claimed')} AND ${lt(attr.workLeaseUntil, now)})` : pending;
      })
      .go({ response: 'all_new' });
    return data.workAttempts === undefined ? undefined : { attempt: data.workAttempts, leaseUntil };
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ConditionalCheckFailedException' || /conditional request failed/i.test(error.message));
}

/** The condition every write of the worker holding `claim` carries; also for a finish that is no patch (a unit deleted when done). */
export const heldBy =
  (claim: Claim): Condition<WorkFields> =>
  (attr, { eq }) =>
    `${eq(attr.workState, 'claimed')} AND ${eq(attr.workAttempts, claim.attempt)}`;

/**
 * The write that finishes a unit, for the worker holding `claim`: to run alone (`go`) or inside
 * the transaction that does the unit's work (`params`), so that work and finish commit together.
 * `extra`: other attributes of the unit written with it (`{}` for none).
 */
export function completeUnit<Extra extends object>(patch: () => WorkPatch<Extra>, claim: Claim, extra: Extra, now = nowIso()): WorkUpdate {
  return patch().set({ ...extra, workState: 'done', workDueAt: now }).remove(['workLeaseUntil', 'workError']).where(heldBy(claim));
}

/** After a failed attempt: pending again after a backoff, or `failed` for good once attempts run out. */
export async function releaseUnit(patch: () => WorkPatch, claim: Claim, reason: string, now = nowIso()): Promise<WorkState> {
  const state: WorkState = claim.attempt >= MAX_WORK_ATTEMPTS ? 'failed' : 'pending';
  await patch()
    .set({ workState: state, workDueAt: addMs(now, backoffMs(claim.attempt)), workError: reason.slice(0, 500) })
    .remove(['workLeaseUntil'])
    .where(heldBy(claim))
    .go()
    .catch((error: unknown) => {
      // Another worker took the unit over after this one's lease ran out: it decides.
      if (!isConditionFailure(error)) throw error;
    });
  return state;
}

/** Mark a unit `failed` at once (work that retrying cannot mend, or whose outcome is unknown). */
export async function failUnit(patch: () => WorkPatch, claim: Claim, reason: string, now = nowIso()): Promise<void> {
  await patch()
    .set({ workState: 'failed', workDueAt: now, workError: reason.slice(0, 500) })
    .remove(['workLeaseUntil'])
    .where(heldBy(claim))
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** A person's "retry" of a failed unit: pending again with fresh attempts, due at once. True when it was failed. */
export async function retryUnit(patch: () => WorkPatch, now = nowIso()): Promise<boolean> {
  const result = await patch()
    .set({ workState: 'pending', workAttempts: 0, workDueAt: now })
    .remove(['workError'])
    .where((attr, { eq }) => eq(attr.workState, 'failed'))
    .go()
    .then(
      () => true,
      (error: unknown) => {
        if (isConditionFailure(error)) return false;
        throw error;
      },
    );
  return result;
}
