import type { Ticket } from '../schemas/ticket.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { PageRequest } from '../../../platform/db/page';
import type { Actor } from '../../identity/domain/identity';
import { ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError, ValidationError } from '../../../platform/errors';
import type { TicketQueue } from '../domain/service-vocabulary';
import { ticketRepository, type TicketRecord } from '../db/ticket.repository';
import { toTicket } from './desk-views';
import { accountWide, reachTicket } from './ticket-access';
import { withAccountNames } from '../../crm/services/account-names';

type PageInput = { limit: number; cursor?: string };

/** How far ahead the breaching queue looks. */
const BREACHING_WINDOW_MINUTES = 60;

/** Finding tickets: the staff work queues, a customer's own tickets, one ticket. */
export const ticketQueueService = {
  /**
   * Staff: a work queue (default `open`) or one account's tickets. A customer: its own
   * tickets and, on accounts where it has the account-wide right, all of theirs; a named
   * account must be one of its own (else 404).
   */
  async list(actor: Actor, page: PageInput, filter: { queue?: TicketQueue; accountId?: string }): Promise<Page<Ticket>> {
    const result = await this.unnamed(actor, page, filter);
    return { items: await withAccountNames(result.items), nextCursor: result.nextCursor };
  },

  /** The list itself, before its accounts are named. */
  async unnamed(actor: Actor, page: PageInput, filter: { queue?: TicketQueue; accountId?: string }): Promise<Page<Ticket>> {
    const scope = ticketPolicy.listScope(actor);
    if (scope === 'none') enforce('forbid', 'Ticket');
    const request = (list: string) => ({ ...page, callerId: actor.userId, list: `tickets:${list}` });
    if (scope === 'all') {
      if (filter.queue && filter.accountId) throw new ValidationError('Filter by a queue or by an account, not both.', undefined, 'conflicting_filters');
      return mapPage(await staffList(actor, filter, request), toTicket);
    }
    if (filter.queue) enforce('forbid', 'Ticket');
    if (filter.accountId && !actor.accountIds.includes(filter.accountId)) throw new NotFoundError('Account');
    const accounts = filter.accountId ? [filter.accountId] : actor.accountIds;
    const rights = await Promise.all(accounts.map((id) => accountWide(actor, id)));
    const wide = accounts.filter((_, i) => rights[i]);
    const own = accounts.filter((_, i) => !rights[i]);
    const ownOnly = (result: Page<TicketRecord>) => ({ items: result.items.filter((t) => own.includes(t.accountId)), nextCursor: result.nextCursor });
    if (wide.length === 0) return mapPage(ownOnly(await ticketRepository.byContact(actor.partyId, request(`contact:${accounts.join(',')}`))), toTicket);
    if (wide.length === 1 && own.length === 0) return mapPage(await ticketRepository.byAccount(wide[0]!, request(`account:${wide[0]}`)), toTicket);
    // Several sources (few tickets per customer): the first page of each, merged newest first.
    const first = (list: string) => ({ limit: 100, callerId: actor.userId, list: `tickets:${list}` });
    const pages = await Promise.all([...wide.map((id) => ticketRepository.byAccount(id, first(`account:${id}`))), ...(own.length > 0 ? [ticketRepository.byContact(actor.partyId, first('contact')).then(ownOnly)] : [])]);
    const items = [...new Map(pages.flatMap((p) => p.items).map((t) => [t.ticketId, t])).values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { items: items.slice(0, page.limit).map(toTicket), nextCursor: null };
  },

  /** One ticket the caller reaches (foreign and missing alike are 404). */
  async get(actor: Actor, ticketId: string): Promise<Ticket> {
    const [named] = await withAccountNames([toTicket((await reachTicket(actor, ticketId)).ticket)]);
    return named!;
  },
};

/** A staff list: one account's tickets, or a work queue (`open` unless another is named). */
function staffList(actor: Actor, filter: { queue?: TicketQueue; accountId?: string }, request: (list: string) => PageRequest): Promise<Page<TicketRecord>> {
  if (filter.accountId) return ticketRepository.byAccount(filter.accountId, request(`account:${filter.accountId}`));
  const queue = filter.queue ?? 'open';
  if (queue === 'mine') return ticketRepository.openByAssignee(actor.userId, request('mine'));
  if (queue === 'unassigned') return ticketRepository.openByAssignee(undefined, request('unassigned'));
  if (queue === 'breaching') return ticketRepository.dueBy(new Date(Date.now() + BREACHING_WINDOW_MINUTES * 60_000).toISOString(), request('breaching'));
  return ticketRepository.open(request('open'));
}
