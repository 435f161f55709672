import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { KB_LANGUAGES } from '../../desk/domain/service-vocabulary';

/**
 * How many articles a category holds in one language: all of them (staff) and the published
 * public ones. Every article write adjusts them in its transaction, so browsing categories is
 * one small Query, never a count over the articles.
 */
export const KbCategoryCountEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'kbCategoryCount', version: '1', service: 'relasi' },
    attributes: {
      language: { type: KB_LANGUAGES, required: true, readOnly: true },
      categoryKey: { type: 'string', required: true, readOnly: true },
      /** The category as last written by an article joining it. */
      name: { type: 'string' },
      totalCount: { type: 'number', default: 0 },
      publicCount: { type: 'number', default: 0 },
    },
    indexes: {
      byLanguage: {
        pk: { field: 'pk', composite: ['language'] },
        sk: { field: 'sk', composite: ['categoryKey'] },
      },
    },
  }),
);

export type KbCategoryCountRow = EntityItem<ReturnType<typeof KbCategoryCountEntity>>;
