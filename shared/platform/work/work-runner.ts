import { nowIso } from '../clock';
import { logger } from '../logger';
import { claimUnit, failUnit, releaseUnit, type Claim, type WorkPatch } from './work-unit';

/** Work that retrying cannot mend (a malformed unit, a mail that cannot be rendered): the unit is `failed` at once. */
export class PermanentWorkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentWorkError';
  }
}

/** One kind of background work (see shared/platform/work/work-unit.ts for the states). */
export type WorkKind = {
  /** ElectroDB's entity marker on the kind's items (`__edb_e__`). */
  entity: string;
  /** The update of the unit a stored item is (its keys come from the item). */
  patch(item: Record<string, unknown>): WorkPatch;
  /** Units in `state` due by `now`, oldest first, at most `limit`. */
  due(state: 'pending' | 'claimed', now: string, limit: number): Promise<Record<string, unknown>[]>;
  /** How long a claim holds: longer than one unit's work ever takes. */
  leaseMs: number;
  /**
   * Whether a unit whose worker vanished (lease run out) is worked again. False where doing it
   * twice is worse than not at all and the first try may have done it (a mail SES may have sent).
   */
  retakeExpired: boolean;
  /**
   * New units wait for their due time, when the sweep takes them, instead of being worked as
   * they reach the stream: work meant for later (an upload no message took is cleared away a
   * day after it was announced).
   */
  scheduled?: boolean;
  /** Does the work of a claimed unit and finishes it with completeUnit (alone or in its own transaction). */
  run(item: Record<string, unknown>, claim: Claim): Promise<void>;
};

export type WorkOutcome = 'done' | 'skipped' | 'retry' | 'failed';

/**
 * Works one unit once, whoever asks (the stream, the sweep, a retry): claims it, runs it, and on
 * an error gives it back for a later attempt or marks it failed. `skipped`: someone else holds
 * it or it is finished (a replayed record), so nothing was done.
 */
export async function workUnit(kind: WorkKind, item: Record<string, unknown>, now = nowIso()): Promise<WorkOutcome> {
  const claim = await claimUnit(() => kind.patch(item), { now, leaseMs: kind.leaseMs, takeOverExpired: kind.retakeExpired });
  if (!claim) return 'skipped';
  try {
    await kind.run(item, claim);
    return 'done';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error('work unit failed', { entity: kind.entity, attempt: claim.attempt, reason });
    if (error instanceof PermanentWorkError) {
      await failUnit(() => kind.patch(item), claim, reason);
      return 'failed';
    }
    return (await releaseUnit(() => kind.patch(item), claim, reason)) === 'failed' ? 'failed' : 'retry';
  }
}

/** What the sweep did, per outcome. */
export type SweepResult = Record<WorkOutcome | 'abandoned', number>;

/** At most this many units of one kind and state per sweep: the rest are due next minute. */
const SWEEP_BATCH = 100;

/**
 * Works every unit that is due: pending units of scheduled kinds at their time, and what the
 * stream did not finish: pending units past their pickup grace or backoff,
 * and claimed units whose lease ran out (worked again, or `failed` as `outcome_unknown` for kinds
 * that must not repeat). Reads only the due part of each kind's index.
 */
export async function sweepWork(kinds: readonly WorkKind[], now = nowIso()): Promise<SweepResult> {
  const result: SweepResult = { done: 0, skipped: 0, retry: 0, failed: 0, abandoned: 0 };
  for (const kind of kinds) {
    for (const item of await kind.due('pending', now, SWEEP_BATCH)) result[await workUnit(kind, item, now)] += 1;
    for (const item of await kind.due('claimed', now, SWEEP_BATCH)) {
      if (kind.retakeExpired) result[await workUnit(kind, item, now)] += 1;
      else if (await abandon(kind, item, now)) result.abandoned += 1;
    }
  }
  return result;
}

/** A unit whose worker vanished mid-way, of a kind that must not be repeated: failed, for a person to see. */
async function abandon(kind: WorkKind, item: Record<string, unknown>, now: string): Promise<boolean> {
  const attempt = Number(item.workAttempts);
  const leaseUntil = String(item.workLeaseUntil);
  if (!(leaseUntil < now)) return false;
  await failUnit(() => kind.patch(item), { attempt, leaseUntil }, 'outcome_unknown: the worker stopped mid-way; not repeated, it may have taken effect', now);
  return true;
}
