import { locale } from './i18n';
import type { Locale } from '../api/types';
import { INTL_LOCALE } from '../../../../shared/platform/locale';
import { formatMoney as formatMinorUnits, formatMoneyCompact as formatCompact } from '../../../../shared/platform/money';
import { formatInZone } from './time-zone';
import { user } from './session';

export { DEFAULT_TIME_ZONE, formatInZone, humanizeWord, isTimeZone } from './time-zone';

export function intlLocale(value: Locale = locale()): string {
  return INTL_LOCALE[value];
}

/** The zone the signed-in user chose in the profile, else undefined (the company's then applies). */
const userZone = () => user()?.timeZone;

/** A date such as "3 Mar 2026" in the current locale and the user's zone. */
export function formatDate(iso: string | undefined): string {
  return formatInZone(iso, 'date', locale(), userZone());
}

/** A date and time such as "3 Mar 2026, 14:05" in the current locale and the user's zone. */
export function formatDateTime(iso: string | undefined): string {
  return formatInZone(iso, 'dateTime', locale(), userZone());
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** 7.5 → "7.5%" (English) or "7,5%" (Indonesian). */
export function formatPercent(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 3 }).format(value / 100);
}

/**
 * Money kept as integer minor units (API convention) shown with its currency in the current
 * locale, e.g. `formatMoney(150000000, 'IDR')` → "Rp 1.500.000" in Indonesian, "IDR 1,500,000" in English.
 */
export function formatMoney(minor: number, currency = 'IDR'): string {
  return formatMinorUnits(minor, currency, locale());
}

/** Money in a short form for a chart's axis ("Rp 1,5 jt"). */
export function formatMoneyCompact(minor: number, currency = 'IDR'): string {
  return formatCompact(minor, currency, locale());
}
