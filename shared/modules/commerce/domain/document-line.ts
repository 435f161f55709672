import type { LineInput } from './quote-totals';

/**
 * One line of a quote, order or invoice as stored and shown: what was priced, and its total
 * (net after discount plus tax, in minor units, per quote-totals.ts). An order and its invoice
 * carry copies of the quote's lines, so a later catalogue change never alters them.
 */
export type DocumentLine = LineInput & {
  /** Absent on a free-text line. */
  productId?: string;
  description: string;
  total: number;
};
