import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/** A sign-in session, keyed by the SHA-256 of its secret id so a table leak gives no session. */
export const SessionEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'session', version: '1', service: 'relasi' },
    attributes: {
      sessionHash: { type: 'string', required: true, readOnly: true },
      userId: { type: 'string', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      /** Epoch seconds after which the session ends however active it is. */
      absoluteExpiresAt: { type: 'number', required: true, readOnly: true },
      /** Idle expiry (epoch seconds), pushed forward on use; also the TTL attribute. */
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byHash: {
        pk: { field: 'pk', composite: ['sessionHash'] },
        sk: { field: 'sk', composite: [] },
      },
      byUser: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['userId'] },
        sk: { field: 'gsi1sk', composite: ['sessionHash'] },
      },
    },
  }),
);

export type SessionRow = EntityItem<ReturnType<typeof SessionEntity>>;
