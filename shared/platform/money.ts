import { INTL_LOCALE, type Locale } from './locale';

/**
 * Money: amounts are integers of the currency's minor unit (ISO 4217: IDR 2, JPY 0, KWD 3).
 * This module is the one list of currencies Relasi accepts, their exponents, the largest
 * amount any money field holds, and the one formatter of amounts for every output (screens,
 * PDFs, e-mails, timeline). Pure: the portals load it too, so it stays small.
 */

// The active ISO 4217 codes (list one) people invoice in. Left out on purpose: XXX (no
// currency) and XTS (testing), precious metals (XAU XAG XPD XPT), bond-market and IMF units
// (XBA–XBD, XDR, XSU, XUA), the fund codes (BOV CHE CHW CLF COU MXV USN UYI UYW), and codes
// withdrawn from circulation (ANG → XCG, BGN → EUR, CUC, HRK, SLL, ZWL → ZWG).
const EXPONENT_2 =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';
const EXPONENT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF';
const EXPONENT_3 = 'BHD IQD JOD KWD LYD OMR TND';

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...EXPONENT_2.split(' ').map((code) => [code, 2] as const),
  ...EXPONENT_0.split(' ').map((code) => [code, 0] as const),
  ...EXPONENT_3.split(' ').map((code) => [code, 3] as const),
]);

/** Every currency code Relasi accepts, A to Z. */
export const CURRENCY_CODES: readonly string[] = [...EXPONENTS.keys()].sort();

/** True for an active ISO 4217 code people invoice in (`IDR`, `USD`), false for `BTC`, `XXX`, `idr`. */
export function isCurrencyCode(code: string): boolean {
  return EXPONENTS.has(code);
}

/**
 * The largest amount, in minor units, that any money field holds (a price, a line, a document
 * total, a payment, an expected revenue): Rp 10 trillion, ¥1 quadrillion. Far above any sale
 * this CRM records, and far enough below 2^53 that sums of such amounts stay exact integers.
 */
export const MAX_MONEY_MINOR = 10 ** 15;

/** Decimal places of the currency's minor unit per ISO 4217 (IDR 2, JPY 0, KWD 3). Not Intl's: V8 says 0 for IDR (its cash rounding). */
export function minorUnitDigits(currency: string): number {
  return EXPONENTS.get(currency) ?? 2;
}

/** Minor units per major unit (100 for IDR: amounts are sen). */
export function minorFactor(currency: string): number {
  return 10 ** minorUnitDigits(currency);
}

// Indonesians write rupiah without decimals (Rp 7.936.500) although ISO 4217 counts sen.
const SHOWN_DIGITS: Readonly<Record<string, number>> = { IDR: 0 };

type FormatOptions = { currencyDisplay?: 'symbol' | 'code' };

/**
 * An amount in minor units as a reader of `locale` writes it: `formatMoney(793_650_000, 'IDR', 'id')`
 * → "Rp 7.936.500", in English "IDR 7,936,500". English by default, the language of the texts
 * the API stores (timeline, error messages). `currencyDisplay: 'code'` names the currency by its
 * code, for media that cannot print every symbol.
 */
export function formatMoney(minor: number, currency: string, locale: Locale = 'en', options: FormatOptions = {}): string {
  return numberFormat(currency, locale, { style: 'currency', currency, currencyDisplay: options.currencyDisplay ?? 'symbol' }).format(minor / minorFactor(currency));
}

/** The number of `formatMoney` without the currency ("7.936.500"), for columns headed by it. */
export function formatMoneyAmount(minor: number, currency: string, locale: Locale): string {
  return numberFormat(currency, locale, { style: 'decimal' }).format(minor / minorFactor(currency));
}

/** An amount rounded to a short form for a chart's axis: "IDR 1.5m" in English, "Rp 1,5 jt" in Indonesian. */
export function formatMoneyCompact(minor: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(minor / minorFactor(currency));
}

// Digits are set explicitly so that every engine (Node, Chrome, Firefox) prints the same figure.
function numberFormat(currency: string, locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const digits = SHOWN_DIGITS[currency] ?? minorUnitDigits(currency);
  return new Intl.NumberFormat(INTL_LOCALE[locale], { ...options, minimumFractionDigits: digits, maximumFractionDigits: digits });
}
