import { ticketRepository } from '../../desk/db/ticket.repository';
import { DEFAULT_WARN_MINUTES, slaStatus } from '../../desk/domain/sla-policy';
import { ticketTitle } from '../domain/notification';
import { notify } from './notify.service';

/**
 * Warns the agent of every assigned open ticket whose running SLA clock reaches its next
 * deadline within the desk's warning time (the desk's ticket sweep calls it). Once per ticket and
 * deadline: the notification's cause is both, so the next sweeps tell no one again.
 */
export async function warnSlaBreachSoon(now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + DEFAULT_WARN_MINUTES * 60_000).toISOString();
  let warned = 0;
  for (const ticket of await ticketRepository.overdue(soon)) {
    const { breachingSoon, nextDueAt } = slaStatus(ticket.sla, nowIso);
    if (!ticket.assigneeId || !breachingSoon || !nextDueAt) continue;
    const { created } = await notify(
      { recipientId: ticket.assigneeId, kind: 'sla_breach_soon', cause: `sla_breach_soon#${ticket.ticketId}#${nextDueAt}`, record: { type: 'ticket', id: ticket.ticketId, title: ticketTitle(ticket) } },
      { message: `${nextDueAt.slice(0, 16).replace('T', ' ')} UTC` },
    );
    if (created) warned++;
  }
  return warned;
}
