import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { AUDIENCES } from '../domain/identity';

/**
 * One successful sign-in, in a partition per UTC day, newest last, so "the latest sign-ins"
 * is a Query of today's partition (and the days before) instead of a scan. Kept 90 days (TTL).
 */
export const SignInEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'signIn', version: '1', service: 'relasi' },
    attributes: {
      day: { type: 'string', required: true, readOnly: true },
      at: { type: 'string', required: true, readOnly: true },
      userId: { type: 'string', required: true, readOnly: true },
      /** The portal signed in to, when the request named one. */
      audience: { type: AUDIENCES, readOnly: true },
      expiresAt: { type: 'number', required: true, readOnly: true },
    },
    indexes: {
      byDay: {
        pk: { field: 'pk', composite: ['day'] },
        sk: { field: 'sk', composite: ['at', 'userId'] },
      },
    },
  }),
);

export type SignInRow = EntityItem<ReturnType<typeof SignInEntity>>;
