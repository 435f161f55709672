import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from './lazy-entity';

/**
 * Recent hits (epoch seconds) of one throttled subject, such as failed sign-ins for an
 * e-mail; a sliding window over them gives an exact "N per 15 minutes".
 */
export const RateCounterEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'rateCounter', version: '1', service: 'relasi' },
    attributes: {
      subject: { type: 'string', required: true, readOnly: true },
      hits: { type: 'list', items: { type: 'number' }, default: () => [] },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      bySubject: {
        pk: { field: 'pk', composite: ['subject'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);

export type RateCounterRow = EntityItem<ReturnType<typeof RateCounterEntity>>;
