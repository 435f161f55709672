import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from './lazy-entity';

/** The stored answer to a POST made with an Idempotency-Key, replayed on retries for 24 h. */
export const IdempotencyRecordEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'idempotencyRecord', version: '1', service: 'relasi' },
    attributes: {
      scope: { type: 'string', required: true, readOnly: true },
      key: { type: 'string', required: true, readOnly: true },
      requestHash: { type: 'string', required: true, readOnly: true },
      state: { type: ['pending', 'done'] as const, required: true },
      status: { type: 'number' },
      body: { type: 'string' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byKey: {
        pk: { field: 'pk', composite: ['scope', 'key'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);

export type IdempotencyRow = EntityItem<ReturnType<typeof IdempotencyRecordEntity>>;
