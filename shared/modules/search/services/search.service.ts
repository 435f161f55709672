import { enforce } from '../../../platform/access';
import type { Actor } from '../../identity/domain/identity';
import { holdsEvery, leadingTerm, queryTerms, SEARCH_TYPES, type SearchType } from '../domain/search-terms';
import { searchRepository } from '../db/search.repository';
import type { SearchTermRow } from '../db/search-term.entity';
import { searchPolicy } from '../policy';
import type { SearchHit, SearchResult } from '../schemas/search.schema';

export type SearchInput = { q: string; types?: SearchType[]; limit: number };

/** One hit per record, holding every query term, best first: a record whose term is the query's leading term exactly, then by title. */
function bestHits(rows: SearchTermRow[], terms: string[], lead: string): SearchTermRow[] {
  const byRecord = new Map<string, SearchTermRow>();
  for (const row of rows) {
    if (!holdsEvery(row.terms, terms)) continue;
    const seen = byRecord.get(row.recordId);
    if (!seen || (row.term === lead && seen.term !== lead)) byRecord.set(row.recordId, row);
  }
  const rank = (row: SearchTermRow) => (row.term === lead ? 0 : 1);
  return [...byRecord.values()].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

const toHit = (row: SearchTermRow): SearchHit => ({
  type: row.type,
  id: row.recordId,
  title: row.title,
  ...(row.subtitle ? { subtitle: row.subtitle } : {}),
  ...(row.accountId ? { accountId: row.accountId } : {}),
});

/** The records of one type answering the query, as term rows (one per record), best first. */
async function matching(type: SearchType, terms: string[]): Promise<SearchTermRow[]> {
  const lead = leadingTerm(terms);
  if (!lead) return [];
  return bestHits(await searchRepository.matches(type, lead), terms, lead);
}

export const searchService = {
  /** The global search: one parallel round of keyed Queries (one per type), each hit checked against the caller's reach. */
  async search(actor: Actor, input: SearchInput): Promise<SearchResult> {
    enforce(searchPolicy.search(actor), 'Search');
    const terms = queryTerms(input.q);
    const types = (input.types?.length ? SEARCH_TYPES.filter((type) => input.types!.includes(type)) : [...SEARCH_TYPES]).filter((type) => searchPolicy.readsType(actor, type));
    if (terms.length === 0) return { groups: [] };
    const found = await Promise.all(types.map(async (type) => ({ type, rows: await matching(type, terms) })));
    return {
      groups: found
        .map(({ type, rows }) => ({
          type,
          items: rows.filter((row) => searchPolicy.readHit(actor, type, row) === 'allow').slice(0, input.limit).map(toHit),
        }))
        .filter((group) => group.items.length > 0),
    };
  },

  /** Ids of the accounts with a word of their name (or their e-mail, phone) starting with each word of `q`; at most `limit`. */
  async accountIds(q: string, limit: number): Promise<string[]> {
    return (await matching('account', queryTerms(q))).slice(0, limit).map((row) => row.recordId);
  },
};
