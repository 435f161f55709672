import { accountRepository } from '../db/account.repository';

// DynamoDB's BatchGetItem takes at most 100 keys.
const BATCH = 100;

/**
 * Records of any module with their account's current name, read when answering: one batch read
 * per page of records (never one read per row), so a renamed account shows its new name at once.
 * A record whose account is gone keeps no name.
 */
export async function withAccountNames<T extends { accountId: string }>(items: T[]): Promise<(T & { accountName?: string })[]> {
  const ids = [...new Set(items.map((item) => item.accountId))];
  if (ids.length === 0) return items;
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  const rows = (await Promise.all(batches.map((batch) => accountRepository.getMany(batch)))).flat();
  const names = new Map(rows.map((row) => [row.accountId, row.name]));
  return items.map((item) => {
    const accountName = names.get(item.accountId);
    return accountName === undefined ? item : { ...item, accountName };
  });
}
