import { z } from '@hono/zod-openapi';
import { SEARCH_LIMITS, SEARCH_TYPES } from '../domain/search-terms';

/** `types` as a comma-separated list (`?types=account,ticket`); absent = every type. */
const typeList = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const types = [...new Set(value.split(',').map((part) => part.trim()).filter(Boolean))];
    const unknown = types.filter((type) => !(SEARCH_TYPES as readonly string[]).includes(type));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `Unknown types: ${unknown.join(', ')}` });
    return types as (typeof SEARCH_TYPES)[number][];
  });

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(SEARCH_LIMITS.minQueryChars).max(SEARCH_LIMITS.queryChars).openapi({ param: { name: 'q', in: 'query' }, description: 'Words of a name, an e-mail, a phone number or a document number (each word as the start of one)' }),
  types: typeList.optional().openapi({ param: { name: 'types', in: 'query' }, type: 'string', description: `Comma-separated: ${SEARCH_TYPES.join(', ')}` }),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.maxPerType).default(SEARCH_LIMITS.perType).openapi({ param: { name: 'limit', in: 'query' }, description: 'Hits per type' }),
});

export const SearchHitSchema = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.string(),
    title: z.string(),
    subtitle: z.string().optional(),
    /** The record's account, where it belongs to one. */
    accountId: z.string().optional(),
  })
  .openapi('SearchHit');
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z
  .object({ groups: z.array(z.object({ type: z.enum(SEARCH_TYPES), items: z.array(SearchHitSchema) })) })
  .openapi('SearchResult');
export type SearchResult = z.infer<typeof SearchResultSchema>;
