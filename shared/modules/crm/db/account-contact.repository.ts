import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { AccountContactEntity, type AccountContactRow } from './account-contact.entity';

export const accountContactRepository = {
  /** Create or change the role of a link (put: the same pair is one link). */
  putOperation(accountId: string, partyId: string, role: string) {
    return AccountContactEntity().put({ accountId, partyId, role, createdAt: nowIso() }).params();
  },

  deleteOperation(accountId: string, partyId: string) {
    return AccountContactEntity().delete({ accountId, partyId }).where((attr, { exists }) => exists(attr.partyId)).params();
  },

  /** Delete whether or not it still exists (cleaning up after a deleted account or contact). */
  dropOperation(accountId: string, partyId: string) {
    return AccountContactEntity().delete({ accountId, partyId }).params();
  },

  async get(accountId: string, partyId: string): Promise<AccountContactRow | undefined> {
    const { data } = await AccountContactEntity().get({ accountId, partyId }).go();
    return data ?? undefined;
  },

  byAccount(accountId: string, request: PageRequest): Promise<Page<AccountContactRow>> {
    return queryPage(request, (options) => AccountContactEntity().query.byAccount({ accountId }).go(options), (row) => row);
  },

  byParty(partyId: string, request: PageRequest): Promise<Page<AccountContactRow>> {
    return queryPage(request, (options) => AccountContactEntity().query.byParty({ partyId }).go(options), (row) => row);
  },

  /** Every account a party is linked to (what a customer login may reach). */
  async accountIdsOf(partyId: string): Promise<string[]> {
    const { data } = await AccountContactEntity().query.byParty({ partyId }).go({ pages: 'all' });
    return data.map((row) => row.accountId);
  },

  /** Every party linked to an account, for deleting the account with its links. */
  async partyIdsOf(accountId: string): Promise<string[]> {
    const { data } = await AccountContactEntity().query.byAccount({ accountId }).go({ pages: 'all' });
    return data.map((row) => row.partyId);
  },
};
