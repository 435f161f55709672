import { DEFAULT_TIME_ZONE } from '../../../../../shared/modules/desk/domain/service-vocabulary';
import { intlLocale } from '../../kit/format';

// The service desk keeps its clocks in Jakarta time (the SLA policies' business hours are
// Jakarta hours), so its pages show times there too, whatever the browser's own zone is.

function format(iso: string | undefined, options: Intl.DateTimeFormatOptions): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { ...options, timeZone: DEFAULT_TIME_ZONE }).format(date);
}

/** "3 Mar 2026" on the Jakarta calendar, in the current locale. */
export function formatServiceDate(iso: string | undefined): string {
  return format(iso, { dateStyle: 'medium' });
}

/** "3 Mar 2026, 14:05" in Jakarta time, in the current locale. */
export function formatServiceTime(iso: string | undefined): string {
  return format(iso, { dateStyle: 'medium', timeStyle: 'short' });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "2 days ago" (nearest whole unit) in the current locale. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? UNITS[UNITS.length - 1]!;
  return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(Math.round(diff / size), unit);
}
