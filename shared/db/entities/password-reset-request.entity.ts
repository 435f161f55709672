import { Entity } from 'electrodb';
import { lazyEntity } from '../lazy-entity';

/**
 * A password reset asked for an address, waiting for the events function: inserting one is
 * what starts the work (table stream), so the API answers before anyone looks up whether the
 * address has a login, and known and unknown addresses cost the request the same. Deleted when
 * handled; the TTL clears the rest.
 */
export const PasswordResetRequestEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'passwordResetRequest', version: '1', service: 'relasi' },
    attributes: {
      requestId: { type: 'string', required: true, readOnly: true },
      email: { type: 'string', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      expiresAt: { type: 'number', required: true, readOnly: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['requestId'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
