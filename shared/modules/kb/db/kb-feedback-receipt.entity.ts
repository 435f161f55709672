import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * An anonymous reader's vote under an Idempotency-Key, written with the count it adds, so a
 * retry never counts twice (the idempotency middleware serves signed-in callers only), and
 * with the visitor it counted for, whose cookie the retry gets back. Kept 24 h.
 */
export const KbFeedbackReceiptEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'kbFeedbackReceipt', version: '1', service: 'relasi' },
    attributes: {
      articleId: { type: 'string', required: true, readOnly: true },
      key: { type: 'string', required: true, readOnly: true },
      helpful: { type: 'boolean', required: true, readOnly: true },
      visitorId: { type: 'string' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byKey: {
        pk: { field: 'pk', composite: ['articleId', 'key'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);

export type KbFeedbackReceiptRow = EntityItem<ReturnType<typeof KbFeedbackReceiptEntity>>;
