import type { Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { quotePolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError } from '../../../platform/errors';
import type { PageRequest } from '../../../platform/db/page';
import { withAccountNames } from '../../crm/services/account-names';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { partyRepository } from '../../identity/db/party.repository';

/** The most recipients one document mail may have (a transaction holds at most 100 items). */
const MAX_RECIPIENTS = 20;

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
 * built from its own account ids; naming another account answers 404, as a missing one does.
 */
export async function listDocuments<T extends { createdAt: string; accountId: string }>(
  actor: Actor,
  what: string,
  lister: Lister<T>,
  page: PageInput,
  accountId?: string,
  shownToCustomers: (item: T) => boolean = () => true,
): Promise<Page<T & { accountName?: string }>> {
  const result = await listRows(actor, what, lister, page, accountId, shownToCustomers);
  return { items: await withAccountNames(result.items), nextCursor: result.nextCursor };
}

async function listRows<T extends { createdAt: string }>(
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
  // Another account looks missing, as it does on the desk's ticket list.
  if (accountId && !actor.accountIds.includes(accountId)) throw new NotFoundError('Account');
  const accounts = accountId ? [accountId] : actor.accountIds;
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

/** The account's primary contacts with an e-mail address: who receives its quotes and invoices. */
export async function primaryRecipients(actor: Actor, accountId: string) {
  const links = await accountContactRepository.byAccount(accountId, { limit: 100, callerId: actor.userId, list: `document-mail:${accountId}` });
  const primaryIds = links.items.filter((l) => l.role === 'primary').map((l) => l.partyId);
  return (await partyRepository.getMany(primaryIds)).filter((p) => p.email).slice(0, MAX_RECIPIENTS);
}
