import { divideRounded, documentTotals, lineAmounts } from '../../../shared/modules/commerce/domain/quote-totals';
import { MAX_MONEY_MINOR } from '../../../shared/platform/money';

describe('line amounts: net = round(quantity × unitPrice × (1 − discount%)), tax = round(net × tax%), half away from zero', () => {
  it.each([
    // quantity, unitPrice, discount%, tax%, net, tax, total
    [1, 10_000, 0, 0, 10_000, 0, 10_000],
    [250, 4_500_000, 0, 11, 1_125_000_000, 123_750_000, 1_248_750_000],
    [1, 1_005, 0, 10, 1_005, 101, 1_106], // tax 100.5 → 101
    [1, 1_015, 0, 10, 1_015, 102, 1_117], // tax 101.5 → 102
    [3, 333, 50, 11, 500, 55, 555], // net 499.5 → 500
    [1, 1, 50, 50, 1, 1, 2], // net 0.5 → 1, tax 0.5 → 1
    [1.5, 1_001, 0, 0, 1_502, 0, 1_502], // 1501.5 → 1502
    [2, 12_345, 12.5, 11, 21_604, 2_376, 23_980], // 21603.75 → 21604; 2376.44 → 2376
    [0.333, 3, 0, 0, 1, 0, 1], // 0.999 → 1
    [1, 4, 0, 12.5, 4, 1, 5], // tax 0.5 → 1
    [1, 99, 0, 0.5, 99, 0, 99], // tax 0.495 → 0
    [10, 7_777, 100, 11, 0, 0, 0], // full discount
    [3, 10, 33.33, 0, 20, 0, 20], // 20.001 → 20
  ])('%p × %p − %p%% + %p%% tax → net %p, tax %p, total %p', (quantity, unitPrice, discountPercent, taxPercent, net, tax, total) => {
    expect(lineAmounts({ quantity, unitPrice, discountPercent, taxPercent })).toEqual({ net, tax, total });
  });

  it('computes exactly where floating point would drift', () => {
    // 0.1 × 3 × 1000 is 300.00000000000006 in floating point; exact arithmetic gives 300.
    expect(lineAmounts({ quantity: 0.1, unitPrice: 3_000, discountPercent: 0, taxPercent: 0 }).net).toBe(300);
    expect(lineAmounts({ quantity: 1, unitPrice: 2 ** 40, discountPercent: 0, taxPercent: 11 }).tax).toBe(Math.round(2 ** 40 * 0.11));
  });

  it('refuses values it cannot represent exactly', () => {
    expect(() => lineAmounts({ quantity: 1.0005, unitPrice: 1, discountPercent: 0, taxPercent: 0 })).toThrow(RangeError);
    expect(() => lineAmounts({ quantity: 1, unitPrice: 1.5, discountPercent: 0, taxPercent: 0 })).toThrow(RangeError);
    expect(() => lineAmounts({ quantity: 1, unitPrice: 1, discountPercent: 0.001, taxPercent: 0 })).toThrow(RangeError);
  });
});

describe('divideRounded', () => {
  it.each([
    [15n, 10n, 2n],
    [14n, 10n, 1n],
    [-15n, 10n, -2n],
    [-14n, 10n, -1n],
    [25n, 10n, 3n],
    [0n, 7n, 0n],
  ])('%p / %p → %p', (n, d, expected) => {
    expect(divideRounded(n, d)).toBe(expected);
  });
});

describe('document totals', () => {
  it('sums the rounded line nets and taxes; total = subtotal + taxTotal = Σ line totals', () => {
    const totals = documentTotals([
      { quantity: 1, unitPrice: 1_005, discountPercent: 0, taxPercent: 10 },
      { quantity: 3, unitPrice: 333, discountPercent: 50, taxPercent: 11 },
      { quantity: 1, unitPrice: 1, discountPercent: 50, taxPercent: 50 },
    ]);
    expect(totals.subtotal).toBe(1_005 + 500 + 1);
    expect(totals.taxTotal).toBe(101 + 55 + 1);
    expect(totals.total).toBe(totals.subtotal + totals.taxTotal);
    expect(totals.total).toBe(totals.lines.reduce((sum, l) => sum + l.total, 0));
  });

  it('rounds per line, not on the sum (two half-values round up twice)', () => {
    const half = { quantity: 1, unitPrice: 1, discountPercent: 50, taxPercent: 0 };
    expect(documentTotals([half, half]).subtotal).toBe(2);
  });

  it('is zero for no lines', () => {
    expect(documentTotals([])).toEqual({ lines: [], subtotal: 0, taxTotal: 0, total: 0 });
  });
  it('refuses a line or a document beyond the one money bound (10^15 minor units), before any figure loses precision', () => {
    const tooLarge = expect.objectContaining({ code: 'amount_too_large' });
    // 901 × 10^13 = 9.01 × 10^15, past 2^53: the figure could not even be stored exactly.
    expect(() => lineAmounts({ quantity: 901, unitPrice: 1e13, discountPercent: 0, taxPercent: 0 })).toThrow(tooLarge);
    // The net fits exactly; the tax pushes the line total over.
    expect(() => lineAmounts({ quantity: 1, unitPrice: MAX_MONEY_MINOR, discountPercent: 0, taxPercent: 11 })).toThrow(tooLarge);
    expect(lineAmounts({ quantity: 1, unitPrice: MAX_MONEY_MINOR, discountPercent: 0, taxPercent: 0 }).total).toBe(MAX_MONEY_MINOR);
    // Each line fits; together they do not.
    const half = { quantity: 1, unitPrice: MAX_MONEY_MINOR / 2 + 1, discountPercent: 0, taxPercent: 0 };
    expect(() => documentTotals([half, half])).toThrow(tooLarge);
  });
});
