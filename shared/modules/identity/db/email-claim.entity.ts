import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/** Uniqueness marker: at most one login per e-mail, written in the same transaction as the user. */
export const EmailClaimEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'emailClaim', version: '1', service: 'relasi' },
    attributes: {
      email: { type: 'string', required: true, readOnly: true },
      userId: { type: 'string', required: true },
    },
    indexes: {
      byEmail: {
        pk: { field: 'pk', composite: ['email'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
