import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * The many-to-many edge "party is a contact of account, in this role". It is also what
 * gives a customer login its reach: a customer sees the accounts it has an edge to.
 */
export const AccountContactEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'accountContact', version: '1', service: 'relasi' },
    attributes: {
      accountId: { type: 'string', required: true, readOnly: true },
      partyId: { type: 'string', required: true, readOnly: true },
      role: { type: 'string', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
    },
    indexes: {
      byAccount: {
        pk: { field: 'pk', composite: ['accountId'] },
        sk: { field: 'sk', composite: ['partyId'] },
      },
      byParty: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['partyId'] },
        sk: { field: 'gsi1sk', composite: ['accountId'] },
      },
    },
  }),
);

/** An account link as stored. */
export type AccountContactRow = EntityItem<ReturnType<typeof AccountContactEntity>>;
