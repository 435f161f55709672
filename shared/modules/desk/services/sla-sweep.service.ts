import type { Locale } from '../../../platform/locale';
import { escalationFacts, internalNoteOf, minimumOpenHours, recipientsOf, ruleMatches, type EscalationRule } from '../domain/escalation';
import { slaStatus } from '../domain/sla-policy';
import { accountRepository } from '../../crm/db/account.repository';
import { escalationMarkerRepository, ticketRepository, type TicketRecord } from '../db/ticket.repository';
import { userRepository } from '../../identity/db/user.repository';
import { transact, TransactionConflict } from '../../../platform/db/transaction';
import { serviceSettingsService } from './settings.service';
import { warnSlaBreachSoon } from '../../notifications/services/sla-warnings';
import { companyName, systemNoteOperation, ticketMailOperation, ticketTimelineOperation, ticketUrl } from './ticket-notices';

/** Which deadline a breached clock missed, in words for the note and the timeline. */
function missedDeadline(ticket: TicketRecord, nowIso: string): string {
  const { sla } = ticket;
  if (!sla.firstRespondedAt && sla.firstResponseDueAt < nowIso) return `the first response was due ${sla.firstResponseDueAt}`;
  return `the resolution was due ${sla.resolutionDueAt}`;
}

/**
 * Mark open tickets whose SLA deadline has passed as breached: the ticket, an internal note and
 * a timeline entry in one transaction on the version read. Reads only the due-time index up to
 * now; a ticket changed meanwhile is left to the next sweep.
 */
async function markBreaches(now: Date): Promise<number> {
  const nowIso = now.toISOString();
  let marked = 0;
  for (const ticket of await ticketRepository.overdue(nowIso)) {
    if (ticket.sla.breached || !slaStatus(ticket.sla, nowIso).breached) continue;
    const what = `SLA breached: ${missedDeadline(ticket, nowIso)}.`;
    try {
      await transact([
        ...ticketRepository.saveOperations({ ...ticket, sla: { ...ticket.sla, breached: true }, version: ticket.version + 1, updatedAt: nowIso }, ticket.version),
        systemNoteOperation(ticket.ticketId, what, nowIso),
        ticketTimelineOperation(ticket, `Ticket ${ticket.number} SLA breached`, what),
      ]);
      marked++;
    } catch (error) {
      if (!(error instanceof TransactionConflict)) throw error;
    }
  }
  return marked;
}

/** The locale of a manager's mail: their login's, else Indonesian (the default of this deployment's people). */
async function localeOf(email: string): Promise<{ locale: Locale; name: string }> {
  const user = await userRepository.findByEmail(email);
  return { locale: user?.locale ?? 'id', name: user?.name ?? '' };
}

/**
 * Fire every rule whose conditions hold for an open ticket, once per ticket: the marker is
 * created on the condition that it does not exist, in the transaction of the rule's internal
 * note and mails, so a second sweep (or a concurrent one) cannot fire it again.
 */
async function fireRule(rule: EscalationRule, tickets: TicketRecord[], managerEmails: string[], now: Date): Promise<number> {
  const fired = await escalationMarkerRepository.firedFor(tickets.map((t) => t.ticketId), rule.id);
  const due = tickets.filter((t) => !fired.has(t.ticketId));
  if (due.length === 0) return 0;
  const nowIso = now.toISOString();
  const recipients = await Promise.all(recipientsOf(rule, managerEmails).map(async (email) => ({ email, ...(await localeOf(email)) })));
  const company = await companyName();
  const note = internalNoteOf(rule);
  let count = 0;
  for (const ticket of due) {
    try {
      await transact([
        escalationMarkerRepository.createOperation(ticket.ticketId, rule.id, nowIso),
        ...(note ? [systemNoteOperation(ticket.ticketId, note, nowIso)] : []),
        ...recipients.map((r) => ticketMailOperation(r.email, r.locale, 'ticket_escalated', ticket, { name: r.name, url: ticketUrl(ticket.ticketId, 'staff'), company, message: `${rule.name} (${ticket.number}).` })),
      ]);
      count++;
    } catch (error) {
      if (!(error instanceof TransactionConflict)) throw error;
    }
  }
  return count;
}

async function escalate(now: Date): Promise<number> {
  const { escalationRules, managerEmails } = await serviceSettingsService.current();
  const rules = escalationRules.filter((rule) => rule.enabled && rule.trigger === 'ticket_sweep');
  const hours = minimumOpenHours(rules);
  if (hours === undefined) return 0;
  const candidates = await ticketRepository.openCreatedBy(new Date(now.getTime() - hours * 3_600_000).toISOString());
  const accounts = await accountRepository.getMany([...new Set(candidates.map((t) => t.accountId))]);
  const tierOf = new Map(accounts.map((a) => [a.accountId, a.tier]));
  let fired = 0;
  for (const rule of rules) {
    const matching = candidates.filter((ticket) => ruleMatches(rule, escalationFacts({ ...ticket, breached: ticket.sla.breached }, tierOf.get(ticket.accountId), now)));
    fired += await fireRule(rule, matching, managerEmails, now);
  }
  return fired;
}

/**
 * The service desk's timer (every 5 minutes): mark SLA breaches, then run the escalation
 * rules, then warn agents of deadlines close ahead. `now` is the sweep's instant (tests move it forward).
 */
export async function sweepTickets(now: Date = new Date()): Promise<{ breached: number; escalated: number; warned: number }> {
  const breached = await markBreaches(now);
  const escalated = await escalate(now);
  const warned = await warnSlaBreachSoon(now);
  return { breached, escalated, warned };
}
