import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { KB_LANGUAGES, KB_VISIBILITIES } from '../../desk/domain/service-vocabulary';
import { KB_TERM_FIELDS } from '../domain/kb';

/**
 * One search term of one published article. The partition is the language and the term's
 * first three letters and the sort key starts with the term, so a whole term and a prefix
 * (as a person types) are each one keyed Query, and prefixes cost no extra items. The hit's
 * display fields ride along, so a search is one round of parallel Queries.
 */
export const KbTermEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'kbTerm', version: '1', service: 'relasi' },
    attributes: {
      language: { type: KB_LANGUAGES, required: true, readOnly: true },
      bucket: { type: 'string', required: true, readOnly: true },
      term: { type: 'string', required: true, readOnly: true },
      articleId: { type: 'string', required: true, readOnly: true },
      field: { type: KB_TERM_FIELDS, required: true },
      visibility: { type: KB_VISIBILITIES, required: true },
      slug: { type: 'string', required: true },
      title: { type: 'string', required: true },
      category: { type: 'string', required: true },
      snippet: { type: 'string', required: true },
    },
    indexes: {
      byTerm: {
        pk: { field: 'pk', composite: ['language', 'bucket'] },
        sk: { field: 'sk', composite: ['term', 'articleId'] },
      },
    },
  }),
);

export type KbTermRow = EntityItem<ReturnType<typeof KbTermEntity>>;

/** What a search hit shows, copied onto every term item of the article. */
export type KbTermDisplay = Pick<KbTermRow, 'visibility' | 'slug' | 'title' | 'category' | 'snippet'>;
