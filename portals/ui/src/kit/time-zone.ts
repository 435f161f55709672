import type { Locale } from '../../../../shared/platform/locale';
import { INTL_LOCALE } from '../../../../shared/platform/locale';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../../shared/modules/identity/domain/time-zone';

export { DEFAULT_TIME_ZONE, isTimeZone };

// The pure half of ./format (no signals, no browser): what the unit tests reach directly.

/**
 * An instant or a calendar day in one zone and language: the one place record pages and the
 * timeline turn ISO strings into words. A bare day ("2026-12-15") is a calendar date, not an
 * instant, so it never moves with the zone; an unknown zone falls back to the company's.
 */
export function formatInZone(iso: string | undefined, style: 'date' | 'dateTime', language: Locale, zone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const timeZone = dayOnly ? 'UTC' : isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  const options: Intl.DateTimeFormatOptions = style === 'date' || dayOnly ? { dateStyle: 'medium', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone };
  return new Intl.DateTimeFormat(INTL_LOCALE[language], options).format(date);
}

/** A stored word no catalogue knows yet, readable: "face_to_face" → "Face to face". */
export function humanizeWord(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
