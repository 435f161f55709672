import { z } from '@hono/zod-openapi';
import type { ErrorDetail } from '../errors';
import { isCurrencyCode, MAX_MONEY_MINOR } from '../money';

// One entry per key of ErrorDetail (the compiler checks both ways), each described for the reference.
const errorDetailShape = {
  path: z.string().optional().openapi({ description: 'The request field at fault, dot-separated (validation_failed, field_not_allowed and other 400s about a field)', example: 'lines.0.quantity' }),
  message: z.string().optional().openapi({ description: 'What is wrong with that field, in English' }),
  code: z.string().optional().openapi({ description: "The kind of problem: zod's issue code (too_big, invalid_type…), field_not_allowed, or the CSV parser's code (invalid_csv)" }),
  field: z.string().optional().openapi({ description: "A lead field of an import's mapping (duplicate_mapping, mapping_incomplete)" }),
  columns: z.array(z.string()).optional().openapi({ description: 'The file columns mapped to that one field (duplicate_mapping)' }),
  column: z.string().optional().openapi({ description: 'A column the mapping names that the file does not have (unknown_column)' }),
  line: z.number().int().optional().openapi({ description: 'The line where the file stops being readable CSV (invalid_csv)' }),
  rows: z.number().int().optional().openapi({ description: 'The data rows the file has (too_many_rows)' }),
  maxRows: z.number().int().optional().openapi({ description: 'The most data rows one import takes (too_many_rows)' }),
  maxBytes: z.number().int().optional().openapi({ description: 'The most bytes the request body may have (payload_too_large)' }),
  retryAfterSeconds: z.number().int().optional().openapi({ description: 'Seconds to wait before trying again, as in the Retry-After header (too_many_attempts)' }),
} satisfies Record<keyof ErrorDetail, z.ZodOptional>;

/** One structured detail of an error: the fields, limits and values a screen shows, so no client parses `message`. */
export const ErrorDetailSchema = z.object(errorDetailShape).openapi('ErrorDetail') satisfies z.ZodType<ErrorDetail>;

/** Error body every non-2xx answer carries. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ description: 'A sentence in English for people; clients read `code` and `details`, never this text' }),
      details: z.array(ErrorDetailSchema).optional().openapi({ description: 'Present where the code has particulars: the fields at fault, the limit passed, the column or value refused' }),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorSchema>;

export const IdParamSchema = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: '01JD3V8M6W1Q8Z7Y3R5T2N4K9P' }),
});

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z.string().max(2048).optional().openapi({ param: { name: 'cursor', in: 'query' } }),
});

/** `{items, nextCursor}` for a list of `item`. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** An active ISO 4217 code people invoice in (shared/platform/money.ts: no `XXX`, no `BTC`). */
export const CurrencySchema = z.string().refine(isCurrencyCode, { message: 'An active ISO 4217 currency code, for example IDR' }).openapi({ example: 'IDR' });

/** An amount in integer minor units, from 0 to the one bound every money field shares. */
export const MinorUnitsSchema = z.number().int().min(0).max(MAX_MONEY_MINOR).openapi({ description: `Integer minor units, at most ${MAX_MONEY_MINOR}` });

export const MoneySchema = z.object({ amount: MinorUnitsSchema, currency: CurrencySchema }).openapi('Money');

/** `If-Match` header that every PATCH and DELETE must send. */
export const IfMatchHeaderSchema = z.object({
  'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: 'The record version' }),
});

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().openapi({ param: { name: 'idempotency-key', in: 'header' } }),
});

export const VersionedSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A trimmed, non-empty text field of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
