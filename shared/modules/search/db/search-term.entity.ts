import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { SEARCH_TYPES } from '../domain/search-terms';

/**
 * One term a record is found by in the global search. The partition is the record type and
 * the term's first letters and the sort key starts with the term, so a whole term and a
 * prefix (as a person types) are each one keyed Query, as the knowledge base's terms are.
 * What a hit shows, and the record's other terms (to check a query's further words), ride
 * along, so a search is one round of parallel Queries and no reads of the records.
 */
export const SearchTermEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'searchTerm', version: '1', service: 'relasi' },
    attributes: {
      type: { type: SEARCH_TYPES, required: true, readOnly: true },
      bucket: { type: 'string', required: true, readOnly: true },
      term: { type: 'string', required: true, readOnly: true },
      recordId: { type: 'string', required: true, readOnly: true },
      title: { type: 'string', required: true },
      subtitle: { type: 'string' },
      accountId: { type: 'string' },
      terms: { type: 'list', items: { type: 'string' }, required: true },
    },
    indexes: {
      byTerm: {
        pk: { field: 'pk', composite: ['type', 'bucket'] },
        sk: { field: 'sk', composite: ['term', 'recordId'] },
      },
    },
  }),
);

export type SearchTermRow = EntityItem<ReturnType<typeof SearchTermEntity>>;
