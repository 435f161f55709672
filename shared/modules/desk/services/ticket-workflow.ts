import { BusinessRuleError } from '../../../platform/errors';
import type { TicketStatus } from '../domain/service-vocabulary';
import { isOpenStatus } from '../domain/ticket-assignment';
import { DEFAULT_SLA_POLICY, slaAfterStatusChange, slaStatus, type SlaPolicyRules } from '../domain/sla-policy';
import { slaPolicyRepository } from '../db/sla-policy.repository';
import type { TicketRecord } from '../db/ticket.repository';
import { userRepository } from '../../identity/db/user.repository';
import { DEFAULT_SLA_POLICY_ID } from './sla-policy.service';
import { contactMail, ticketTimelineOperation, type TransactItem } from './ticket-notices';

/** Which status may follow which; `new` is only ever the first, `closed` the last. */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/** The clock's rules when no stored policy applies to a ticket (or its policy was deleted since). */
export const FALLBACK_SLA_POLICY: SlaPolicyRules = { id: DEFAULT_SLA_POLICY_ID, ...DEFAULT_SLA_POLICY };

/** The rules of the policy the ticket's clock started with. */
export async function policyOf(ticket: TicketRecord): Promise<SlaPolicyRules> {
  return (await slaPolicyRepository.getRules(ticket.sla.policyId)) ?? FALLBACK_SLA_POLICY;
}

/** The ticket in `to`, with its clock, resolution time and status-change time following. */
export function withStatus(ticket: TicketRecord, to: TicketStatus, at: string, policy: SlaPolicyRules): TicketRecord {
  if (!TRANSITIONS[ticket.status].includes(to)) {
    if (ticket.status === 'closed') throw new BusinessRuleError('ticket_closed', 'The ticket is closed.');
    throw new BusinessRuleError('invalid_status_transition', `A ${ticket.status} ticket cannot become ${to}.`);
  }
  const resolves = to === 'resolved' || to === 'closed';
  const sla = slaAfterStatusChange(ticket.sla, policy, ticket.status, to, at);
  // The clock stops at resolution: resolving after a deadline is a breach even if no sweep saw it.
  const stopped = resolves && isOpenStatus(ticket.status) ? { ...sla, breached: slaStatus(ticket.sla, at).breached } : sla;
  return { ...ticket, status: to, statusChangedAt: at, sla: stopped, resolvedAt: resolves ? (ticket.resolvedAt ?? at) : undefined };
}

/** Timeline entries and the customer's resolution mail that a status change brings. */
export async function statusEffects(before: TicketRecord, after: TicketRecord, actorId: string | undefined, channel?: string): Promise<TransactItem[]> {
  if (before.status === after.status) return [];
  const title = after.status === 'resolved' ? `Ticket ${after.number} resolved` : `Ticket ${after.number} ${before.status} → ${after.status}`;
  const items = [ticketTimelineOperation(after, title, after.subject, channel, actorId)];
  if (after.status === 'resolved') items.push(...(await contactMail(after, 'ticket_resolved')));
  return items;
}

/** 422 unless the user is an active staff login that can hold tickets. */
export async function ensureActiveAgent(userId: string): Promise<void> {
  const user = await userRepository.get(userId);
  if (!user || user.status !== 'active' || !user.audiences.includes('staff')) throw new BusinessRuleError('unknown_assignee', 'The assignee is not an active staff member.');
}
