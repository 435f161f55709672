import type { Page } from '../../schemas/common.schema';
import { nowIso } from '../../domain/clock';
import { db } from '../service';
import { queryPage, type PageRequest } from './page';

export type AccountContactRow = { accountId: string; partyId: string; role: string; createdAt: string };

export const accountContactRepository = {
  /** Create or change the role of a link (put: the same pair is one link). */
  putOperation(accountId: string, partyId: string, role: string) {
    return db().entities.accountContact.put({ accountId, partyId, role, createdAt: nowIso() }).params();
  },

  deleteOperation(accountId: string, partyId: string) {
    return db().entities.accountContact.delete({ accountId, partyId }).where((attr, { exists }) => exists(attr.partyId)).params();
  },

  /** Delete whether or not it still exists (cleaning up after a deleted account or contact). */
  dropOperation(accountId: string, partyId: string) {
    return db().entities.accountContact.delete({ accountId, partyId }).params();
  },

  async get(accountId: string, partyId: string): Promise<AccountContactRow | undefined> {
    const { data } = await db().entities.accountContact.get({ accountId, partyId }).go();
    return (data as AccountContactRow | null) ?? undefined;
  },

  byAccount(accountId: string, request: PageRequest): Promise<Page<AccountContactRow>> {
    return queryPage(request, (options) => db().entities.accountContact.query.byAccount({ accountId }).go(options), (row) => row as AccountContactRow);
  },

  byParty(partyId: string, request: PageRequest): Promise<Page<AccountContactRow>> {
    return queryPage(request, (options) => db().entities.accountContact.query.byParty({ partyId }).go(options), (row) => row as AccountContactRow);
  },

  /** Every account a party is linked to (what a customer login may reach). */
  async accountIdsOf(partyId: string): Promise<string[]> {
    const { data } = await db().entities.accountContact.query.byParty({ partyId }).go({ pages: 'all' });
    return data.map((row) => row.accountId);
  },

  /** Every party linked to an account, for deleting the account with its links. */
  async partyIdsOf(accountId: string): Promise<string[]> {
    const { data } = await db().entities.accountContact.query.byAccount({ accountId }).go({ pages: 'all' });
    return data.map((row) => row.partyId);
  },
};
