/** Asia/Jakarta keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** How many days after today "upcoming" reaches. */
export const UPCOMING_DAYS = 7;

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Jakarta. */
export function jakartaDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Start of the Jakarta day containing `now`, and the end of the upcoming window, as UTC ISO instants. */
export function myDayWindow(now: Date): { startOfToday: string; endOfToday: string; endOfUpcoming: string } {
  const start = Date.parse(`${jakartaDay(now)}T00:00:00.000Z`) - JAKARTA_OFFSET_MS;
  return {
    startOfToday: new Date(start).toISOString(),
    endOfToday: new Date(start + DAY_MS).toISOString(),
    endOfUpcoming: new Date(start + (1 + UPCOMING_DAYS) * DAY_MS).toISOString(),
  };
}

export type Dated = { dueAt?: string };

/**
 * A rep's day: planned work due before today (overdue), due today, and due in the next
 * UPCOMING_DAYS days, each soonest first; days are Jakarta days. Undated work is left out.
 */
export function splitMyDay<T extends Dated>(activities: readonly T[], now: Date): { overdue: T[]; today: T[]; upcoming: T[] } {
  const today = jakartaDay(now);
  const { endOfUpcoming } = myDayWindow(now);
  const sorted = activities.filter((a) => a.dueAt).sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  return {
    overdue: sorted.filter((a) => jakartaDay(a.dueAt!) < today),
    today: sorted.filter((a) => jakartaDay(a.dueAt!) === today),
    upcoming: sorted.filter((a) => jakartaDay(a.dueAt!) > today && Date.parse(a.dueAt!) < Date.parse(endOfUpcoming)),
  };
}
