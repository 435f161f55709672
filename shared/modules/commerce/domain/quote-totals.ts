/**
 * Quote, order and invoice arithmetic, in integer minor units (no floating point reaches a
 * stored amount).
 *
 * Rounding, per line:
 *   net  = round(quantity × unitPrice × (1 − discountPercent / 100))
 *   tax  = round(net × taxPercent / 100)          — tax on the rounded net
 *   line total = net + tax
 * and per document:
 *   subtotal = Σ line nets,  taxTotal = Σ line taxes,  total = subtotal + taxTotal
 * where round() is half away from zero, applied once per line value (never to the sums),
 * so the document always adds up to the sum of the lines a customer sees.
 *
 * Quantities may carry up to 3 decimals, percentages up to 2; the products are computed
 * exactly with BigInt before the single rounding. No line value and no document sum may pass
 * MAX_MONEY_MINOR (shared/platform/money.ts): such a document is refused, not stored.
 */

import { BusinessRuleError } from '../../../platform/errors';
import { MAX_MONEY_MINOR } from '../../../platform/money';

export type LineInput = { quantity: number; unitPrice: number; discountPercent: number; taxPercent: number };
export type LineAmounts = { net: number; tax: number; total: number };
export type DocumentTotals = { lines: LineAmounts[]; subtotal: number; taxTotal: number; total: number };

const QUANTITY_SCALE = 1000n;
const PERCENT_SCALE = 100n * 100n; // percent with two decimals, as parts of 10 000

/** Integer division rounded half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}

function scaled(value: number, scale: number, what: string): bigint {
  const result = Math.round(value * scale);
  if (!Number.isFinite(value) || Math.abs(value * scale - result) > 1e-6) throw new RangeError(`${what} has too many decimals`);
  return BigInt(result);
}

const MAX_AMOUNT = BigInt(MAX_MONEY_MINOR);

function bounded(value: bigint, what: string): number {
  if (value > MAX_AMOUNT || value < -MAX_AMOUNT) throw new BusinessRuleError('amount_too_large', `The ${what} is beyond the largest amount Relasi keeps (${MAX_MONEY_MINOR.toLocaleString('en')} minor units).`);
  return Number(value);
}

/** Net, tax and total of one line (see the module comment for the rounding). */
export function lineAmounts(line: LineInput): LineAmounts {
  if (!Number.isSafeInteger(line.unitPrice)) throw new RangeError('unitPrice must be an integer of minor units');
  const quantity = scaled(line.quantity, 1000, 'quantity');
  const discount = scaled(line.discountPercent, 100, 'discountPercent');
  const taxRate = scaled(line.taxPercent, 100, 'taxPercent');
  const net = divideRounded(quantity * BigInt(line.unitPrice) * (PERCENT_SCALE - discount), QUANTITY_SCALE * PERCENT_SCALE);
  const tax = divideRounded(net * taxRate, PERCENT_SCALE);
  return { net: bounded(net, 'line net'), tax: bounded(tax, 'line tax'), total: bounded(net + tax, 'line total') };
}

/** The amounts of every line and the document's subtotal, tax total and total. */
export function documentTotals(lines: LineInput[]): DocumentTotals {
  const amounts = lines.map(lineAmounts);
  const subtotal = amounts.reduce((sum, a) => sum + BigInt(a.net), 0n);
  const taxTotal = amounts.reduce((sum, a) => sum + BigInt(a.tax), 0n);
  return { lines: amounts, subtotal: bounded(subtotal, 'subtotal'), taxTotal: bounded(taxTotal, 'tax total'), total: bounded(subtotal + taxTotal, 'total') };
}
