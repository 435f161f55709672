import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from './lazy-entity';

/** The last number handed out for a kind of document in a year, raised by an atomic ADD. */
export const DocumentCounterEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'documentCounter', version: '1', service: 'relasi' },
    attributes: {
      kind: { type: 'string', required: true, readOnly: true },
      year: { type: 'number', required: true, readOnly: true },
      value: { type: 'number', required: true },
    },
    indexes: {
      byKindYear: {
        pk: { field: 'pk', composite: ['kind', 'year'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);

export type DocumentCounterRow = EntityItem<ReturnType<typeof DocumentCounterEntity>>;
