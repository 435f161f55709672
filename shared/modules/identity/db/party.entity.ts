import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { LOCALES } from '../../../platform/locale';

/**
 * A person. Contacts, staff, partner reps and investors are all parties; what they are to
 * the company is told by edges (account links) and by their login, so one person keeps one history.
 */
export const PartyEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'party', version: '1', service: 'relasi' },
    attributes: {
      partyId: { type: 'string', required: true, readOnly: true },
      firstName: { type: 'string' },
      lastName: { type: 'string', required: true },
      /** Lower-cased last name + first name: the sort key of the contacts list. */
      sortName: { type: 'string', required: true },
      email: { type: 'string' },
      /** The e-mail trimmed and lower-cased, only while there is one: the key of `byEmail`. */
      emailKey: { type: 'string' },
      phone: { type: 'string' },
      title: { type: 'string' },
      locale: { type: LOCALES, default: 'en' },
      /** Listed under contacts (staff who only log in are not). */
      isContact: { type: 'boolean', required: true },
      userId: { type: 'string' },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['partyId'] },
        sk: { field: 'sk', composite: [] },
      },
      contactsByName: {
        index: 'gsi1',
        condition: (attr) => attr.isContact === true,
        pk: { field: 'gsi1pk', composite: [] },
        sk: { field: 'gsi1sk', composite: ['sortName', 'partyId'] },
      },
      /** Sparse: parties with an e-mail, found by it (who sent a support mail). */
      byEmail: {
        index: 'gsi2',
        condition: (attr) => attr.emailKey !== undefined,
        pk: { field: 'gsi2pk', composite: ['emailKey'] },
        sk: { field: 'gsi2sk', composite: [] },
      },
    },
  }),
);

/** A party as stored. */
export type PartyRow = EntityItem<ReturnType<typeof PartyEntity>>;
