import { locale } from './i18n';
import type { Locale } from '../api/types';
import { INTL_LOCALE } from '../../../../shared/platform/locale';
import { formatMoney as formatMinorUnits } from '../../../../shared/platform/money';

export function intlLocale(value: Locale = locale()): string {
  return INTL_LOCALE[value];
}

/** A date such as "3 Mar 2026" in the current locale. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
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
