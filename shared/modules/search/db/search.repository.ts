import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../../platform/config';
import { dynamo } from '../../../platform/db/client';
import type { Page } from '../../../platform/page';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { INDEXED_ENTITIES, searchDocumentOf, type SearchDocument } from '../domain/search-document';
import { SEARCH_LIMITS, termBucket, type SearchType } from '../domain/search-terms';
import { SearchTermEntity, type SearchTermRow } from './search-term.entity';

const keyOf = (type: SearchType, term: string, recordId: string) => ({ type, bucket: termBucket(term), term, recordId });

function itemsOf(document: SearchDocument): SearchTermRow[] {
  const { type, recordId, title, subtitle, accountId, terms } = document;
  return terms.map((term) => ({ ...keyOf(type, term, recordId), title, terms, ...(subtitle ? { subtitle } : {}), ...(accountId ? { accountId } : {}) }));
}

export const searchRepository = {
  /**
   * Bring a record's term items from what `before` had to what `after` has: delete the terms
   * that went, (re)write every current one (its display fields may have changed). Puts and
   * deletes of whole items, so doing it twice leaves the same items.
   */
  async replace(before: SearchDocument | undefined, after: SearchDocument | undefined): Promise<void> {
    const current = new Set(after && before?.type === after.type && before.recordId === after.recordId ? after.terms : []);
    const gone = before ? before.terms.filter((term) => !current.has(term)).map((term) => keyOf(before.type, term, before.recordId)) : [];
    const [deleted, put] = await Promise.all([
      gone.length > 0 ? SearchTermEntity().delete(gone).go() : { unprocessed: [] },
      after && after.terms.length > 0 ? SearchTermEntity().put(itemsOf(after)).go() : { unprocessed: [] },
    ]);
    const left = deleted.unprocessed.length + put.unprocessed.length;
    if (left > 0) throw new Error(`${left} search term items were not written`);
  },

  /** Write the term items of many records not indexed before, in batches (bulk loads). */
  async putMany(documents: SearchDocument[]): Promise<void> {
    const { unprocessed } = await SearchTermEntity().put(documents.flatMap(itemsOf)).go({ concurrency: 4 });
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} search term items were not written`);
  },

  /** Term items of one type whose term starts with `term` (a record may answer through several of its terms). */
  async matches(type: SearchType, term: string): Promise<SearchTermRow[]> {
    const { data } = await SearchTermEntity().query.byTerm({ type, bucket: termBucket(term) }).begins({ term }).go({ limit: SEARCH_LIMITS.termMatches });
    return data;
  },

  /** One page of the term items of one type starting with `term`, in term order. */
  page(type: SearchType, term: string, request: PageRequest): Promise<Page<SearchTermRow>> {
    const query = SearchTermEntity().query.byTerm({ type, bucket: termBucket(term) }).begins({ term });
    return queryPage(request, (options) => query.go(options), (row) => row);
  },

  /**
   * Migration only (a Scan): index every record the search knows, for a table written before
   * the index existed. Idempotent; returns how many records it indexed.
   */
  async backfill(): Promise<number> {
    let indexed = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const names = Object.fromEntries(INDEXED_ENTITIES.map((entity, i) => [`:e${i}`, entity]));
      const page = await dynamo().send(new ScanCommand({
        TableName: config().tableName,
        FilterExpression: `#e IN (${Object.keys(names).join(', ')})`,
        ExpressionAttributeNames: { '#e': '__edb_e__' },
        ExpressionAttributeValues: names,
        ExclusiveStartKey: start,
      }));
      for (const item of page.Items ?? []) {
        const document = searchDocumentOf(item);
        if (!document) continue;
        await searchRepository.replace(undefined, document);
        indexed += 1;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return indexed;
  },
};
