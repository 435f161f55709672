import type { Account, AccountCreate } from '../schemas/account.schema';
import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion, type Changes } from '../../../platform/db/versioned-update';
import { AccountEntity } from './account.entity';

type AccountRow = Account & { accountId: string; sortName: string };

function toAccount({ accountId, sortName: _sortName, ...rest }: AccountRow): Account {
  return { ...rest, id: accountId, tags: rest.tags ?? [] };
}

/** Build a new account record (not yet stored) so callers can put it in a transaction. */
export function newAccountRecord(input: AccountCreate) {
  const at = nowIso();
  return { ...input, accountId: newId(), sortName: sortKeyText(input.name), tags: input.tags ?? [], version: 1, createdAt: at, updatedAt: at };
}

export const accountRepository = {
  createOperation(record: ReturnType<typeof newAccountRecord>) {
    return AccountEntity().create(record).params();
  },

  async get(accountId: string): Promise<Account | undefined> {
    const { data } = await AccountEntity().get({ accountId }).go();
    return data ? toAccount(data as AccountRow) : undefined;
  },

  /** Several accounts by id, in one round trip (missing ones are left out). */
  async getMany(accountIds: string[]): Promise<Account[]> {
    if (accountIds.length === 0) return [];
    const { data } = await AccountEntity().get(accountIds.map((accountId) => ({ accountId }))).go();
    return (data as AccountRow[]).map(toAccount);
  },

  /** All accounts by name, or those whose name starts with `prefix`. */
  list(request: PageRequest, prefix?: string): Promise<Page<Account>> {
    const byName = AccountEntity().query.byName({});
    const query = prefix ? byName.begins({ sortName: sortKeyText(prefix) }) : byName;
    return queryPage(request, (options) => query.go(options), (row) => toAccount(row as AccountRow));
  },

  /** Delete only at the expected version, for a transaction. */
  deleteOperation(accountId: string, expectedVersion: number) {
    return AccountEntity().delete({ accountId }).where((attr, { eq }) => eq(attr.version, expectedVersion)).params();
  },

  update(accountId: string, expectedVersion: number, changes: Changes): Promise<Account> {
    const withSortName = typeof changes.name === 'string' ? { ...changes, sortName: sortKeyText(changes.name) } : changes;
    return patchIfVersion<AccountRow>(() => AccountEntity().patch({ accountId }) as never, 'Account', expectedVersion, withSortName).then(toAccount);
  },
};
