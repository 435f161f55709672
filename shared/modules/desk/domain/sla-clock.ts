import { DateTime, IANAZone } from 'luxon';
import { BusinessRuleError } from '../../../platform/errors';
import { WEEKDAYS, type Weekday } from './service-vocabulary';

/** Opening hours of one day, local 'HH:MM' (start < end). */
export type BusinessHours = { start: string; end: string };

/** When a team works: its time zone, its opening hours per weekday and its holidays. */
export type BusinessCalendar = {
  /** IANA zone, e.g. 'Asia/Jakarta'. */
  timeZone: string;
  /** A missing weekday is closed. */
  hours: Partial<Record<Weekday, BusinessHours>>;
  /** Local dates 'YYYY-MM-DD', closed all day. */
  holidays: readonly string[];
};

/** A calendar the clock cannot run on: an unknown zone, malformed hours, or no open day at all. */
export class BusinessCalendarError extends BusinessRuleError {
  constructor(code: 'invalid_time_zone' | 'invalid_business_hours' | 'calendar_never_open', message: string) {
    super(code, message);
    this.name = 'BusinessCalendarError';
  }
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

/** Minutes after local midnight of an 'HH:MM' time, or undefined when it is not one. */
export function minuteOfDay(time: string): number | undefined {
  const match = HH_MM.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** True when `timeZone` is an IANA zone name the clock can compute in. */
export function isKnownTimeZone(timeZone: string): boolean {
  // Not `setZone(...).isValid`: luxon also takes 'local', 'system' and 'UTC+7', and the first
  // two would follow whatever zone the server runs in.
  return IANAZone.isValidZone(timeZone);
}

type Day = { open: number; close: number };
type Prepared = { zone: string; days: Map<number, Day>; holidays: ReadonlySet<string>; shortestDay: number };

// Checked once per call: a bad calendar must fail loudly, never spin or yield a wrong instant.
function prepare(calendar: BusinessCalendar): Prepared {
  if (!isKnownTimeZone(calendar.timeZone)) throw new BusinessCalendarError('invalid_time_zone', `Unknown time zone ${calendar.timeZone}.`);
  const days = new Map<number, Day>();
  WEEKDAYS.forEach((weekday, index) => {
    const hours = calendar.hours[weekday];
    if (!hours) return;
    const open = minuteOfDay(hours.start);
    const close = minuteOfDay(hours.end);
    if (open === undefined || close === undefined || open >= close) {
      throw new BusinessCalendarError('invalid_business_hours', `Business hours of ${weekday} must be HH:MM with start before end.`);
    }
    days.set(index + 1, { open, close });
  });
  if (days.size === 0) throw new BusinessCalendarError('calendar_never_open', 'The calendar has no open weekday.');
  const shortestDay = Math.min(...[...days.values()].map((d) => d.close - d.open));
  return { zone: calendar.timeZone, days, holidays: new Set(calendar.holidays), shortestDay };
}

/** The open interval (epoch ms) of the local day starting at `midnight`, or undefined when closed. */
function openingOf(midnight: DateTime, calendar: Prepared): { open: number; close: number } | undefined {
  const day = calendar.days.get(midnight.weekday);
  if (!day || calendar.holidays.has(midnight.toISODate() ?? '')) return undefined;
  // Set the wall-clock time rather than adding minutes to midnight, so a DST change that night
  // does not move the opening hours.
  const at = (minute: number) => midnight.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
  return { open: at(day.open), close: at(day.close) };
}

function parseInstant(iso: string, zone: string): DateTime {
  const instant = DateTime.fromISO(iso, { zone: 'utc' });
  if (!instant.isValid) throw new RangeError(`Not an ISO instant: ${iso}`);
  return instant.setZone(zone);
}

const toIso = (ms: number) => new Date(ms).toISOString();

/** The instant `minutes` business minutes after `from` (ISO in; ISO UTC out). 0 minutes from outside hours = the next opening. */
export function addBusinessMinutes(from: string, minutes: number, calendar: BusinessCalendar): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('Business minutes must be zero or more.');
  const prepared = prepare(calendar);
  const start = parseInstant(from, prepared.zone);
  let cursor = start.toMillis();
  let remaining = Math.round(minutes * MINUTE_MS);
  // Every week has an open weekday and each holiday closes at most one day, so the answer lies
  // within this many days; the bound keeps a surprise from ever becoming an endless loop.
  const maxDays = 7 * (Math.ceil(minutes / prepared.shortestDay) + 2 + prepared.holidays.size);
  let midnight = start.startOf('day');
  for (let day = 0; day <= maxDays; day++, midnight = midnight.plus({ days: 1 }).startOf('day')) {
    const opening = openingOf(midnight, prepared);
    if (!opening) continue;
    const begin = Math.max(cursor, opening.open);
    if (begin >= opening.close) continue;
    const available = opening.close - begin;
    if (remaining <= available) return toIso(begin + remaining);
    remaining -= available;
    cursor = opening.close;
  }
  throw new BusinessCalendarError('calendar_never_open', 'The calendar has no opening within reach.');
}

/** Business minutes between two instants, to the nearest whole minute (0 when `to` <= `from`). */
export function businessMinutesBetween(from: string, to: string, calendar: BusinessCalendar): number {
  const prepared = prepare(calendar);
  const start = parseInstant(from, prepared.zone);
  const end = parseInstant(to, prepared.zone).toMillis();
  if (end <= start.toMillis()) return 0;
  let total = 0;
  for (let midnight = start.startOf('day'); midnight.toMillis() < end; midnight = midnight.plus({ days: 1 }).startOf('day')) {
    const opening = openingOf(midnight, prepared);
    if (!opening) continue;
    total += Math.max(0, Math.min(end, opening.close) - Math.max(start.toMillis(), opening.open));
  }
  return Math.round(total / MINUTE_MS);
}
