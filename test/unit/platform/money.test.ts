import { CURRENCY_CODES, formatMoney, formatMoneyAmount, formatMoneyCompact, isCurrencyCode, minorFactor, minorUnitDigits } from '../../../shared/platform/money';

/** Intl separates the symbol with a no-break space; a reader sees a space. */
const seen = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney: minor units as a reader of the language writes the amount', () => {
  it('writes rupiah without decimals, as Indonesians do: Rp 7.936.500 in Indonesian, IDR 7,936,500 in English', () => {
    expect(seen(formatMoney(793_650_000, 'IDR', 'id'))).toBe('Rp 7.936.500');
    expect(seen(formatMoney(793_650_000, 'IDR', 'en'))).toBe('IDR 7,936,500');
    expect(seen(formatMoney(280_000_000, 'IDR', 'id'))).toBe('Rp 2.800.000');
    // Sen are not written: Rp 1.500,50 reads as Rp 1.501.
    expect(seen(formatMoney(150_050, 'IDR', 'id'))).toBe('Rp 1.501');
  });

  it('divides by the ISO 4217 exponent of each currency: yen whole, dinar to the fils, dollars to the cent', () => {
    const shown = (minor: number, currency: string) => [seen(formatMoney(minor, currency, 'en')), seen(formatMoney(minor, currency, 'id'))];
    expect(shown(1_500, 'JPY')).toEqual(['JP¥1,500', 'JP¥1.500']);
    expect(shown(1_234_567, 'KWD')).toEqual(['KWD 1,234.567', 'KWD 1.234,567']);
    expect(shown(150_075, 'USD')).toEqual(['US$1,500.75', 'US$1.500,75']);
    expect(shown(0, 'EUR')).toEqual(['€0.00', '€0,00']);
  });

  it('writes English unless told otherwise, the language of the texts the API stores', () => {
    expect(seen(formatMoney(793_650_000, 'IDR'))).toBe('IDR 7,936,500');
  });

  it('can name the currency by its code, and give the bare number for a column headed by the currency', () => {
    expect(seen(formatMoney(150_000, 'INR', 'en', { currencyDisplay: 'code' }))).toBe('INR 1,500.00');
    expect(formatMoneyAmount(793_650_000, 'IDR', 'id')).toBe('7.936.500');
    expect(formatMoneyAmount(1_234_567, 'KWD', 'en')).toBe('1,234.567');
  });
});

describe('the ISO 4217 table', () => {
  it('knows the minor units of ISO 4217, not the cash rounding Intl reports for IDR', () => {
    expect([minorUnitDigits('IDR'), minorUnitDigits('USD'), minorUnitDigits('JPY'), minorUnitDigits('KRW'), minorUnitDigits('KWD'), minorUnitDigits('BHD')]).toEqual([2, 2, 0, 0, 3, 3]);
    expect([minorFactor('IDR'), minorFactor('JPY'), minorFactor('KWD')]).toEqual([100, 1, 1000]);
  });

  it('accepts the currencies people invoice in and nothing else', () => {
    for (const code of ['IDR', 'USD', 'EUR', 'JPY', 'SGD', 'KWD', 'XAF', 'XCD']) expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['BTC', 'QQQ', 'XXX', 'XTS', 'XAU', 'XDR', 'CLF', 'HRK', 'idr', 'IDRX', '']) expect(isCurrencyCode(code)).toBe(false);
    expect(CURRENCY_CODES).toEqual([...CURRENCY_CODES].sort());
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
  });
});

describe('compact money (chart axes)', () => {
  it('shortens large amounts in each language, from minor units', () => {
    expect(seen(formatMoneyCompact(150_000_000, 'IDR', 'en'))).toBe('IDR 1.5m');
    expect(seen(formatMoneyCompact(150_000_000, 'IDR', 'id'))).toBe('Rp 1,5 jt');
    expect(seen(formatMoneyCompact(250_000_000_000, 'IDR', 'id'))).toBe('Rp 2,5 M');
    expect(seen(formatMoneyCompact(0, 'IDR', 'en'))).toBe('IDR 0');
  });
});
