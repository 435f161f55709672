import { locale } from './i18n';
import type { Locale } from './api/types';

// en-GB keeps day-month order, which Indonesian readers expect in English too.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', id: 'id-ID' };

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

// ISO 4217 minor-unit exponents that differ from 2. Intl cannot tell us: V8 reports 0 for IDR
// (its cash rounding) while ISO 4217, and so the API's minor units, use 2.
const EXPONENT: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0, PYG: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

/**
 * Money kept as integer minor units (API convention) shown with its currency, e.g.
 * `formatMoney(150000000, 'IDR')` → "Rp 1.500.000" in Indonesian, "IDR 1,500,000" in English.
 */
export function formatMoney(minor: number, currency = 'IDR'): string {
  const amount = minor / minorFactor(currency);
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(amount);
}

/** Minor units per major unit of `currency` (100 for IDR: the API's amounts are sen). */
export function minorFactor(currency = 'IDR'): number {
  return 10 ** (EXPONENT[currency] ?? 2);
}
