import { INTL_LOCALE, type Locale } from '../../../platform/locale';

/** A calendar day ("2026-12-31") in words of `locale`; read in UTC, where it is midnight, so it never shifts. */
export function calendarDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
