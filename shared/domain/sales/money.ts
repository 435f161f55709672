/** Decimal places of a currency's minor unit (IDR 2, JPY 0), as ICU knows them. */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `IDR 1,250,000.00` style text of an amount in minor units (for timelines and documents). */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const digits = minorUnitDigits(currency);
  const value = amount / 10 ** digits;
  return `${currency} ${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}`;
}
