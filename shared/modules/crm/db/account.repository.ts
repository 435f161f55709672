import type { CreateEntityItem } from 'electrodb';
import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { TABLE_KEYS } from '../../../platform/db/table';
import { op } from '../../../platform/db/transaction';
import { patchIfVersion, type Changes } from '../../../platform/db/versioned-update';
import { AccountEntity, type AccountRow } from './account.entity';

/** What a new account is made of: everything but its id and bookkeeping. */
export type AccountFields = Omit<CreateEntityItem<ReturnType<typeof AccountEntity>>, 'accountId' | 'sortName' | 'version' | 'createdAt' | 'updatedAt'>;

/** Build a new account record (not yet stored) so callers can put it in a transaction. */
export function newAccountRecord(input: AccountFields): AccountRow {
  const at = nowIso();
  return { ...input, accountId: newId(), sortName: sortKeyText(input.name), tags: input.tags ?? [], version: 1, createdAt: at, updatedAt: at };
}

export const accountRepository = {
  createOperation(record: AccountRow) {
    return AccountEntity().create(record).params();
  },

  /** A transaction's check that the account still exists when the transaction commits. */
  existsCheck(accountId: string) {
    const { Key, TableName } = AccountEntity().get({ accountId }).params<{ Key: Record<string, unknown>; TableName: string }>();
    return op.check({ Key, TableName, ConditionExpression: 'attribute_exists(#pk)', ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey } });
  },

  async get(accountId: string): Promise<AccountRow | undefined> {
    const { data } = await AccountEntity().get({ accountId }).go();
    return data ?? undefined;
  },

  /** Several accounts by id, in one round trip (missing ones are left out). */
  async getMany(accountIds: string[]): Promise<AccountRow[]> {
    if (accountIds.length === 0) return [];
    const { data } = await AccountEntity().get(accountIds.map((accountId) => ({ accountId }))).go();
    return data;
  },

  /** All accounts by name, or those whose name starts with `prefix`. */
  list(request: PageRequest, prefix?: string): Promise<Page<AccountRow>> {
    const byName = AccountEntity().query.byName({});
    const query = prefix ? byName.begins({ sortName: sortKeyText(prefix) }) : byName;
    return queryPage(request, (options) => query.go(options), (row) => row);
  },

  /** Delete only at the expected version, for a transaction. */
  deleteOperation(accountId: string, expectedVersion: number) {
    return AccountEntity().delete({ accountId }).where((attr, { eq }) => eq(attr.version, expectedVersion)).params();
  },

  update(accountId: string, expectedVersion: number, changes: Changes): Promise<AccountRow> {
    const withSortName = typeof changes.name === 'string' ? { ...changes, sortName: sortKeyText(changes.name) } : changes;
    return patchIfVersion(() => AccountEntity().patch({ accountId }), 'Account', expectedVersion, withSortName);
  },
};
