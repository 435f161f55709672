import { isStaff, type Actor } from '../../identity/domain/identity';
import { hasAccountWideRight, ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError, ValidationError } from '../../../platform/errors';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { ticketRepository, type TicketRecord } from '../db/ticket.repository';

/** Whether the customer's link to the account carries the account-wide right (always false for staff). */
export async function accountWide(actor: Actor, accountId: string): Promise<boolean> {
  if (isStaff(actor) || !actor.accountIds.includes(accountId)) return false;
  return hasAccountWideRight((await accountContactRepository.get(accountId, actor.partyId))?.role);
}

/** The ticket if the caller reaches it (with the caller's account-wide right on it), else the 403/404 the policy says. */
export async function reachTicket(actor: Actor, ticketId: string): Promise<{ ticket: TicketRecord; wide: boolean }> {
  if (ticketPolicy.listScope(actor) === 'none') enforce('forbid', 'Ticket');
  const ticket = await ticketRepository.get(ticketId);
  if (!ticket) throw new NotFoundError('Ticket');
  const wide = await accountWide(actor, ticket.accountId);
  enforce(ticketPolicy.read(actor, ticket, wide), 'Ticket');
  return { ticket, wide };
}

/** 400 `field_not_allowed` naming each field the caller may not set (or not to the value given); nothing is written. */
export function refuseFields(refused: { field: string; message: string }[]): void {
  if (refused.length === 0) return;
  const details = refused.map(({ field, message }) => ({ path: field, message, code: 'field_not_allowed' }));
  throw new ValidationError(`Not allowed: ${refused.map(({ field }) => field).join(', ')}. ${refused.map(({ message }) => message).join(' ')}`, details, 'field_not_allowed');
}
