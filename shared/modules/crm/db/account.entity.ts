import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { ACCOUNT_TIERS } from '../../desk/domain/service-vocabulary';

/** A customer organisation. Its timeline items and contact links live in its partition. */
export const AccountEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'account', version: '1', service: 'relasi' },
    attributes: {
      accountId: { type: 'string', required: true, readOnly: true },
      name: { type: 'string', required: true },
      /** Lower-cased name: the sort key for the list and the prefix search. */
      sortName: { type: 'string', required: true },
      industry: { type: 'string' },
      website: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      address: { type: 'string' },
      ownerId: { type: 'string' },
      tags: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
      tier: { type: ACCOUNT_TIERS },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['accountId'] },
        sk: { field: 'sk', composite: [] },
      },
      byName: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: [] },
        sk: { field: 'gsi1sk', composite: ['sortName', 'accountId'] },
      },
    },
  }),
);

/** An account as stored. */
export type AccountRow = EntityItem<ReturnType<typeof AccountEntity>>;
