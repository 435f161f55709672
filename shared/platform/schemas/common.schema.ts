import { z } from '@hono/zod-openapi';
import { isCurrencyCode, MAX_MONEY_MINOR } from '../money';

/** Error body every non-2xx answer carries. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.array(z.unknown()).optional(),
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
