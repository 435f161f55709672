import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './sla-clock';
import { DEFAULT_TIME_ZONE, type AccountTier, type TicketChannel, type TicketPriority, type TicketStatus } from './service-vocabulary';

/** Business minutes a ticket of each priority has for its first response and its resolution. */
export type SlaTargets = Record<TicketPriority, { firstResponseMinutes: number; resolutionMinutes: number }>;

/** Which tickets a policy covers; an empty or missing list does not narrow it. */
export type SlaAppliesTo = { categories?: string[]; channels?: TicketChannel[]; accountTiers?: AccountTier[] };

/** An SLA policy as the clock needs it. */
export type SlaPolicyRules = {
  id: string;
  name: string;
  calendar: BusinessCalendar;
  targets: SlaTargets;
  /** Statuses in which the clock stands still (waiting for the customer). */
  pauseStatuses: TicketStatus[];
  appliesTo: SlaAppliesTo;
  /** Lower wins when several policies apply. */
  rank: number;
  active: boolean;
};

/** A ticket's SLA clock, stored with the ticket. */
export type SlaClock = {
  policyId: string;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  firstRespondedAt?: string;
  breached: boolean;
  paused: boolean;
  pausedAt?: string;
  /** Business minutes spent paused so far (pauses that ended). */
  pausedMinutes: number;
};

/** The facts of a ticket a policy selects on. */
export type SlaTicketFacts = { category?: string; channel: TicketChannel; accountTier?: AccountTier };

/** Minutes before a deadline from which a ticket counts as breaching soon. */
export const DEFAULT_WARN_MINUTES = 60;

const ms = (iso: string) => Date.parse(iso);

function selects<T>(values: readonly T[] | undefined, value: T | undefined): boolean {
  return !values || values.length === 0 || (value !== undefined && values.includes(value));
}

/** True when the policy covers the ticket (categories compare without regard to case). */
export function slaPolicyApplies(policy: SlaPolicyRules, ticket: SlaTicketFacts): boolean {
  const { categories, channels, accountTiers } = policy.appliesTo;
  return (
    selects(categories?.map((c) => c.toLowerCase()), ticket.category?.toLowerCase()) &&
    selects(channels, ticket.channel) &&
    selects(accountTiers, ticket.accountTier)
  );
}

/** The active policy that applies to a ticket: the lowest rank among matches, else undefined. */
export function pickSlaPolicy(policies: readonly SlaPolicyRules[], ticket: SlaTicketFacts): SlaPolicyRules | undefined {
  // Equal ranks fall back to the id so the same ticket always gets the same policy.
  return policies
    .filter((policy) => policy.active && slaPolicyApplies(policy, ticket))
    .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))[0];
}

function dueTimes(policy: SlaPolicyRules, priority: TicketPriority, createdAt: string, pausedMinutes: number) {
  const target = policy.targets[priority];
  return {
    firstResponseDueAt: addBusinessMinutes(createdAt, target.firstResponseMinutes + pausedMinutes, policy.calendar),
    resolutionDueAt: addBusinessMinutes(createdAt, target.resolutionMinutes + pausedMinutes, policy.calendar),
  };
}

/** A new ticket's clock. */
export function startSla(policy: SlaPolicyRules, priority: TicketPriority, createdAt: string): SlaClock {
  return { policyId: policy.id, ...dueTimes(policy, priority, createdAt, 0), breached: false, paused: false, pausedMinutes: 0 };
}

/** The clock after a status change: pausing/resuming (resume shifts the due times by the business minutes spent paused). */
export function slaAfterStatusChange(clock: SlaClock, policy: SlaPolicyRules, from: TicketStatus, to: TicketStatus, at: string): SlaClock {
  if (from === to) return clock;
  const pause = policy.pauseStatuses.includes(to);
  if (pause && !clock.paused) return { ...clock, paused: true, pausedAt: at };
  if (pause || !clock.paused) return clock;
  const { pausedAt, ...running } = clock;
  const spent = pausedAt === undefined ? 0 : businessMinutesBetween(pausedAt, at, policy.calendar);
  // A pause that held no business time leaves the deadlines alone (shifting by 0 would move a
  // deadline at closing time to the next opening).
  if (spent === 0) return { ...running, paused: false };
  const shift = (due: string) => addBusinessMinutes(due, spent, policy.calendar);
  return {
    ...running,
    // A first response already given keeps the deadline it was measured against.
    firstResponseDueAt: clock.firstRespondedAt ? clock.firstResponseDueAt : shift(clock.firstResponseDueAt),
    resolutionDueAt: shift(clock.resolutionDueAt),
    paused: false,
    pausedMinutes: clock.pausedMinutes + spent,
  };
}

/** The clock after the priority changed: due times recomputed from createdAt with the new targets plus the paused minutes. */
export function slaAfterPriorityChange(clock: SlaClock, policy: SlaPolicyRules, priority: TicketPriority, createdAt: string, at: string): SlaClock {
  const due = dueTimes(policy, priority, createdAt, clock.pausedMinutes);
  const next: SlaClock = {
    ...clock,
    firstResponseDueAt: clock.firstRespondedAt ? clock.firstResponseDueAt : due.firstResponseDueAt,
    resolutionDueAt: due.resolutionDueAt,
  };
  // A breach stays recorded; a tighter target can make the ticket overdue at once.
  return { ...next, breached: clock.breached || slaStatus(next, at).breached };
}

/** The clock once the first public staff reply was made at `at` (first time only). */
export function slaAfterFirstResponse(clock: SlaClock, at: string): SlaClock {
  if (clock.firstRespondedAt) return clock;
  // While paused the clock stands at `pausedAt`: a reply then is late only if the deadline had passed before the pause.
  const effective = clock.paused && clock.pausedAt ? clock.pausedAt : at;
  return { ...clock, firstRespondedAt: at, breached: clock.breached || ms(effective) > ms(clock.firstResponseDueAt) };
}

/** What the schedule function and queues need at `now`: overdue, due within the warning window (default 60 min), and the next due instant that matters (first response while unanswered, else resolution); nothing is due while paused. */
export function slaStatus(clock: SlaClock, now: string, warnMinutes = DEFAULT_WARN_MINUTES): { breached: boolean; breachingSoon: boolean; nextDueAt?: string } {
  if (clock.paused) return { breached: clock.breached, breachingSoon: false };
  const nextDueAt = clock.firstRespondedAt ? clock.resolutionDueAt : clock.firstResponseDueAt;
  const at = ms(now);
  // Due "at 10:00" means answered by 10:00: only a later instant is overdue.
  const overdue = at > ms(nextDueAt) || at > ms(clock.resolutionDueAt);
  const breached = clock.breached || overdue;
  return { breached, breachingSoon: !breached && ms(nextDueAt) - at <= warnMinutes * 60_000, nextDueAt };
}

const WORKDAY = { start: '08:00', end: '17:00' };

/**
 * Indonesian national public holidays (hari libur nasional; the SKB's collective leave days,
 * cuti bersama, are not included: many private companies work on them). 2026 is the SKB
 * of September 2025; 2027's moving religious dates are the expected ones until its SKB is
 * published, and admins adjust them on the policy when it is.
 */
const INDONESIAN_HOLIDAYS_2026_2027 = [
  '2026-01-01', '2026-01-16', '2026-02-17', '2026-03-19', '2026-03-21', '2026-03-22', '2026-04-03', '2026-04-05',
  '2026-05-01', '2026-05-14', '2026-05-27', '2026-05-31', '2026-06-01', '2026-06-16', '2026-08-17', '2026-08-25', '2026-12-25',
  '2027-01-01', '2027-01-05', '2027-02-06', '2027-03-08', '2027-03-10', '2027-03-11', '2027-03-26', '2027-03-28',
  '2027-05-01', '2027-05-06', '2027-05-17', '2027-05-20', '2027-06-01', '2027-06-06', '2027-08-15', '2027-08-17', '2027-12-25',
] as const;

/** The default policy shipped with the product (Asia/Jakarta, Mon–Fri 08:00–17:00, Indonesian public holidays of 2026 and 2027 as dates, pause on pending; targets: urgent 30 min/4 h, high 60 min/8 h, normal 4 h/24 h, low 8 h/40 h in business minutes). */
export const DEFAULT_SLA_POLICY: Omit<SlaPolicyRules, 'id'> = {
  name: 'Standard support',
  calendar: {
    timeZone: DEFAULT_TIME_ZONE,
    hours: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY },
    holidays: INDONESIAN_HOLIDAYS_2026_2027,
  },
  targets: {
    urgent: { firstResponseMinutes: 30, resolutionMinutes: 4 * 60 },
    high: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
    normal: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
    low: { firstResponseMinutes: 8 * 60, resolutionMinutes: 40 * 60 },
  },
  pauseStatuses: ['pending'],
  appliesTo: {},
  // The catch-all: every more specific policy an admin adds should rank before it.
  rank: 1000,
  active: true,
};
