import {
  DEFAULT_TIME_ZONE,
  TICKET_PRIORITIES,
  WEEKDAYS,
  type AccountTier,
  type SlaPolicy,
  type SlaPolicyCreate,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  type Weekday,
} from '../../../api/types';
import type { settingsEn } from './texts.en';

/**
 * The API's MAX_TARGET_MINUTES and MAX_RANK (shared/modules/desk/schemas/sla-policy.schema.ts), copied rather
 * than imported so that zod stays out of the page (a unit test keeps them equal).
 */
export const MAX_TARGET_MINUTES = 100_000;
export const MAX_RANK = 9999;

export type DayDraft = { open: boolean; start: string; end: string };
export type DurationDraft = { hours: string; minutes: string };
export type TargetDraft = { first: DurationDraft; resolution: DurationDraft };

/** What the SLA policy form holds: numbers and times stay text until saved. */
export type PolicyDraft = {
  name: string;
  timeZone: string;
  days: Record<Weekday, DayDraft>;
  holidays: string[];
  targets: Record<TicketPriority, TargetDraft>;
  pauseStatuses: TicketStatus[];
  categories: string[];
  channels: TicketChannel[];
  accountTiers: AccountTier[];
  rank: string;
  active: boolean;
};

/** A problem of one field, by the path the API would name it; the editor shows its text (this module stays free of the texts, for its tests). */
export type DraftProblem = { key: keyof typeof settingsEn; params?: Record<string, number> };
export type DraftProblems = Record<string, DraftProblem>;

// What a new policy starts with: Monday to Friday 08:00–17:00, the API's default rank and pause status.
const WORKDAY = { start: '08:00', end: '17:00' };
const WORKWEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const NEW_RANK = '100';
const NEW_PAUSE: TicketStatus[] = ['pending'];

export function durationOf(minutes: number): DurationDraft {
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

const blankDuration = (): DurationDraft => ({ hours: '', minutes: '' });

/** The form's values for a saved policy, or for a new one. */
export function draftOf(policy?: SlaPolicy): PolicyDraft {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const hours = policy?.businessHours[day];
      return [day, hours ? { open: true, ...hours } : { open: !policy && WORKWEEK.includes(day), ...WORKDAY }];
    }),
  ) as Record<Weekday, DayDraft>;
  const targets = Object.fromEntries(
    TICKET_PRIORITIES.map((priority) => {
      const target = policy?.targets[priority];
      return [priority, target ? { first: durationOf(target.firstResponseMinutes), resolution: durationOf(target.resolutionMinutes) } : { first: blankDuration(), resolution: blankDuration() }];
    }),
  ) as Record<TicketPriority, TargetDraft>;
  return {
    name: policy?.name ?? '',
    timeZone: policy?.timeZone ?? DEFAULT_TIME_ZONE,
    days,
    holidays: [...(policy?.holidays ?? [])].sort(),
    targets,
    pauseStatuses: [...(policy?.pauseStatuses ?? NEW_PAUSE)],
    categories: [...(policy?.appliesTo.categories ?? [])],
    channels: [...(policy?.appliesTo.channels ?? [])],
    accountTiers: [...(policy?.appliesTo.accountTiers ?? [])],
    rank: policy ? String(policy.rank) : NEW_RANK,
    active: policy?.active ?? true,
  };
}

const WHOLE = /^\d+$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Hours and minutes (0–59, either may be empty) as minutes; undefined when they are not whole numbers. */
export function durationMinutes(duration: DurationDraft): number | undefined {
  const hours = duration.hours.trim() || '0';
  const minutes = duration.minutes.trim() || '0';
  if (!WHOLE.test(hours) || !WHOLE.test(minutes) || Number(minutes) > 59) return undefined;
  return Number(hours) * 60 + Number(minutes);
}

/** Whether the browser knows the time zone: the same Intl check the API's (luxon's) makes. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function targetMinutes(duration: DurationDraft, path: string, problems: DraftProblems): number {
  const minutes = durationMinutes(duration);
  if (minutes === undefined || minutes <= 0) problems[path] = { key: 'desk.slaPolicy.problem.duration' };
  else if (minutes > MAX_TARGET_MINUTES) problems[path] = { key: 'desk.slaPolicy.problem.tooLong', params: { max: MAX_TARGET_MINUTES } };
  return minutes ?? 0;
}

/** The policy to send (a create, or a patch replacing every field), or the problems to show first. */
export function policyBody(draft: PolicyDraft): { body: SlaPolicyCreate } | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  const name = draft.name.trim();
  if (!name) problems.name = { key: 'desk.slaPolicy.problem.nameRequired' };
  const timeZone = draft.timeZone.trim();
  if (!isTimeZone(timeZone)) problems.timeZone = { key: 'desk.slaPolicy.problem.timeZone' };

  const businessHours: SlaPolicyCreate['businessHours'] = {};
  for (const day of WEEKDAYS) {
    const { open, start, end } = draft.days[day];
    if (!open) continue;
    if (!HHMM.test(start) || !HHMM.test(end)) problems[`businessHours.${day}`] = { key: 'desk.slaPolicy.problem.time' };
    else if (start >= end) problems[`businessHours.${day}.end`] = { key: 'desk.slaPolicy.problem.endBeforeStart' };
    businessHours[day] = { start, end };
  }
  if (Object.keys(businessHours).length === 0) problems.businessHours = { key: 'desk.slaPolicy.problem.noOpenDay' };

  const targets = {} as SlaPolicyCreate['targets'];
  for (const priority of TICKET_PRIORITIES) {
    const firstPath = `targets.${priority}.firstResponseMinutes`;
    const firstResponseMinutes = targetMinutes(draft.targets[priority].first, firstPath, problems);
    const resolutionMinutes = targetMinutes(draft.targets[priority].resolution, `targets.${priority}.resolutionMinutes`, problems);
    if (!problems[firstPath] && firstResponseMinutes > resolutionMinutes) problems[firstPath] = { key: 'desk.slaPolicy.problem.firstAfterResolution' };
    targets[priority] = { firstResponseMinutes, resolutionMinutes };
  }

  const rank = draft.rank.trim();
  if (!WHOLE.test(rank) || Number(rank) > MAX_RANK) problems.rank = { key: 'desk.slaPolicy.problem.rank', params: { max: MAX_RANK } };

  if (Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      name,
      timeZone,
      businessHours,
      holidays: draft.holidays,
      targets,
      pauseStatuses: draft.pauseStatuses,
      appliesTo: {
        ...(draft.categories.length > 0 ? { categories: draft.categories } : {}),
        ...(draft.channels.length > 0 ? { channels: draft.channels } : {}),
        ...(draft.accountTiers.length > 0 ? { accountTiers: draft.accountTiers } : {}),
      },
      rank: Number(rank),
      active: draft.active,
    },
  };
}
