import { formatMoney } from './format';
import { t } from './i18n';
import { isCurrencyCode, minorFactor } from '../../../../shared/platform/money';

// Amounts and currencies typed in forms (apart from format.ts, so that pages without such a form do not load them).

/**
 * Reads an amount typed in major units ("1.500.000", "1,500,000", "Rp 1.500.000,50") as
 * integer minor units, or undefined when it is not a number. A separator followed by exactly
 * three digits groups thousands in both languages; one or two digits after the last one are a fraction.
 */
export function parseMoneyInput(input: string, currency = 'IDR'): number | undefined {
  if (input.includes('-')) return undefined;
  const cleaned = input.replace(/[^\d.,]/g, '');
  if (!/\d/.test(cleaned)) return undefined;
  const last = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  const tail = last >= 0 ? cleaned.slice(last + 1) : '';
  const hasFraction = last >= 0 && tail.length > 0 && tail.length <= 2;
  const whole = (hasFraction ? cleaned.slice(0, last) : cleaned).replace(/[.,]/g, '');
  const fraction = hasFraction ? tail.padEnd(2, '0') : '0';
  if (!/^\d*$/.test(whole) || !/^\d+$/.test(fraction)) return undefined;
  const factor = minorFactor(currency);
  const minor = Number(whole || '0') * factor + Math.round((Number(fraction) / 100) * factor);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** Minor units as a plain number to edit in a field ("1500000" for Rp 1.500.000). */
export function moneyInputValue(minor: number | undefined, currency = 'IDR'): string {
  if (minor === undefined) return '';
  const factor = minorFactor(currency);
  return minor % factor === 0 ? String(minor / factor) : (minor / factor).toFixed(Math.log10(factor));
}

/** A currency typed in a field ("idr ") as its ISO 4217 code ("IDR"), or undefined when it is not one the API accepts ("BTC", "XXX"). */
export function parseCurrency(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  return isCurrencyCode(code) ? code : undefined;
}

/** How an amount being typed reads ("Reads as Rp 1.500.000,00."), for the field's hint; undefined while it is not an amount. */
export function moneyPreview(input: string, currency: string): string | undefined {
  const code = parseCurrency(currency);
  const minor = code ? parseMoneyInput(input, code) : undefined;
  return code && minor !== undefined ? t('money.preview', { amount: formatMoney(minor, code) }) : undefined;
}
