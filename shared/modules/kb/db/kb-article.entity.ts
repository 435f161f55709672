import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { RECORD_ATTRIBUTES } from '../../../platform/db/record-attributes';
import { KB_LANGUAGES, KB_STATUSES, KB_VISIBILITIES } from '../../desk/domain/service-vocabulary';
import { KB_SHELVES } from '../domain/kb';

/** A knowledge base article in one language; its search terms are kbTerm items, its slug a kbSlugClaim. */
export const KbArticleEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'kbArticle', version: '1', service: 'relasi' },
    attributes: {
      articleId: { type: 'string', required: true, readOnly: true },
      language: { type: KB_LANGUAGES, required: true, readOnly: true },
      slug: { type: 'string', required: true },
      title: { type: 'string', required: true },
      /** Lower-cased, folded title: the lists' sort key. */
      sortTitle: { type: 'string', required: true },
      /** Sanitised HTML. */
      body: { type: 'string', required: true },
      category: { type: 'string', required: true },
      /** The category's slug: what lists filter on and category counters are keyed by. */
      categoryKey: { type: 'string', required: true },
      tags: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
      visibility: { type: KB_VISIBILITIES, required: true },
      status: { type: KB_STATUSES, required: true },
      /** Derived from status and visibility (shelfOf): which list the article is on. */
      shelf: { type: KB_SHELVES, required: true },
      /** The terms of its kbTerm items, so an edit knows which to delete. */
      indexedTerms: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
      helpfulYes: { type: 'number', required: true, default: 0 },
      helpfulNo: { type: 'number', required: true, default: 0 },
      publishedAt: { type: 'string' },
      createdBy: { type: 'string' },
      ...RECORD_ATTRIBUTES,
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['articleId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** The public shelf by language, category and title: what the portals browse, one keyed Query. */
      byShelf: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['shelf'] },
        sk: { field: 'gsi1sk', composite: ['language', 'categoryKey', 'sortTitle', 'articleId'] },
      },
      /** Every article in the same order: the staff list. */
      byCatalogue: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: [] },
        sk: { field: 'gsi2sk', composite: ['language', 'categoryKey', 'sortTitle', 'articleId'] },
      },
    },
  }),
);

export type KbArticleRow = EntityItem<ReturnType<typeof KbArticleEntity>>;
