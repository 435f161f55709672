import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { TOKEN_PURPOSES } from '../domain/identity';

/** A single-use token (e-mail verification, password reset, invitation), keyed by its hash. */
export const OneTimeTokenEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'oneTimeToken', version: '1', service: 'relasi' },
    attributes: {
      tokenHash: { type: 'string', required: true, readOnly: true },
      purpose: { type: TOKEN_PURPOSES, required: true, readOnly: true },
      userId: { type: 'string', required: true, readOnly: true },
      expiresAt: { type: 'number', required: true, readOnly: true },
    },
    indexes: {
      byHash: {
        pk: { field: 'pk', composite: ['tokenHash'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);

export type TokenRow = EntityItem<ReturnType<typeof OneTimeTokenEntity>>;
