import type { Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { quotePolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError } from '../../../platform/errors';
import type { PageRequest } from '../../../platform/db/page';

type PageInput = { limit: number; cursor?: string };
type Lister<T> = { byAccount(accountId: string, request: PageRequest): Promise<Page<T>>; all(request: PageRequest): Promise<Page<T>> };

/** A quote, order or invoice the caller may see, or the 403/404 the policy says. */
export async function reachableDocument<Row extends { accountId: string }>(actor: Actor, what: string, load: () => Promise<Row | undefined>, shownToCustomers: (row: Row) => boolean = () => true): Promise<Row> {
  const scope = quotePolicy.listScope(actor);
  if (scope === 'none') enforce('forbid', what);
  const row = await load();
  if (!row) throw new NotFoundError(what);
  enforce(quotePolicy.read(actor, row.accountId), what);
  if (scope === 'linked' && !shownToCustomers(row)) throw new NotFoundError(what);
  return row;
}

/**
 * A list of sales documents. Staff see all of them (or one account's); a customer's list is
 * built from its own account ids, so another account cannot even be named in the query.
 */
export async function listDocuments<T extends { createdAt: string }>(
  actor: Actor,
  what: string,
  lister: Lister<T>,
  page: PageInput,
  accountId?: string,
  shownToCustomers: (item: T) => boolean = () => true,
): Promise<Page<T>> {
  const scope = quotePolicy.listScope(actor);
  if (scope === 'none') enforce('forbid', what);
  const request = (id: string) => ({ ...page, callerId: actor.userId, list: `${what}:${id}` });
  if (scope === 'all') return accountId ? lister.byAccount(accountId, request(accountId)) : lister.all(request('*'));
  const accounts = accountId ? actor.accountIds.filter((id) => id === accountId) : actor.accountIds;
  if (accounts.length === 0) return { items: [], nextCursor: null };
  if (accounts.length === 1) {
    const result = await lister.byAccount(accounts[0]!, request(accounts[0]!));
    return { items: result.items.filter(shownToCustomers), nextCursor: result.nextCursor };
  }
  // A contact of several accounts: the first page of each, merged newest first (few documents per customer).
  const pages = await Promise.all(accounts.map((id) => lister.byAccount(id, { limit: 100, callerId: actor.userId, list: `${what}:${id}` })));
  const items = pages.flatMap((p) => p.items).filter(shownToCustomers).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { items: items.slice(0, page.limit), nextCursor: null };
}

/** Today as YYYY-MM-DD (UTC), optionally moved by whole days. */
export function isoDay(offsetDays = 0, from: Date = new Date()): string {
  return new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
