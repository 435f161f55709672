import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { AUDIENCES, USER_STATUSES, type StaffRole } from '../domain/identity';
import { LOCALES } from '../../../platform/locale';

/** A login: credentials and audiences of one party. */
export const UserEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'user', version: '1', service: 'relasi' },
    attributes: {
      userId: { type: 'string', required: true, readOnly: true },
      partyId: { type: 'string', required: true, readOnly: true },
      email: { type: 'string', required: true },
      name: { type: 'string', required: true },
      sortName: { type: 'string', required: true },
      passwordHash: { type: 'string' },
      status: { type: USER_STATUSES, required: true },
      audiences: { type: 'set', items: AUDIENCES, required: true },
      // Stored as strings, as the API accepts only staff roles: ElectroDB's lists take no enum items.
      roles: { type: 'list', items: { type: CustomAttributeType<StaffRole>('string') }, required: true, default: () => [] },
      partnerId: { type: 'string' },
      company: { type: 'string' },
      locale: { type: LOCALES, required: true },
      /** Minutes before a planned call or meeting its owner is reminded (notifications module; default 15). */
      reminderLeadMinutes: { type: 'number' },
      /** IANA zone the portals show dates and times in (absent: the company's, Asia/Jakarta). */
      timeZone: { type: 'string' },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['userId'] },
        sk: { field: 'sk', composite: [] },
      },
      byName: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: [] },
        sk: { field: 'gsi1sk', composite: ['sortName', 'userId'] },
      },
    },
  }),
);

export type UserRow = EntityItem<ReturnType<typeof UserEntity>>;
