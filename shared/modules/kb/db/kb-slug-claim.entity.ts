import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { KB_LANGUAGES } from '../../desk/domain/service-vocabulary';

/** Marker that makes an article slug unique per language (written with the article), and the by-slug lookup. */
export const KbSlugClaimEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'kbSlugClaim', version: '1', service: 'relasi' },
    attributes: {
      language: { type: KB_LANGUAGES, required: true, readOnly: true },
      slug: { type: 'string', required: true, readOnly: true },
      articleId: { type: 'string', required: true },
    },
    indexes: {
      bySlug: {
        pk: { field: 'pk', composite: ['language', 'slug'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
