import { invoiceService } from '../../shared/services/invoice.service';
import { sweepTickets } from '../../shared/services/ticket-sla-sweep';

/**
 * What a schedule rule sends. The 5-minute rule names the ticket sweep (SLA timers need
 * minutes); the daily rule sends EventBridge's own event, which names none: everything runs.
 */
export type ScheduleEvent = { sweep?: 'tickets' };

/**
 * Scheduled function (EventBridge). Every 5 minutes: SLA breaches and escalation rules of
 * open tickets. Daily: also marks issued invoices past their due date as overdue. Each work
 * queue is a sparse index, so a sweep reads only what is due, never the table.
 */
export async function handler(event: ScheduleEvent = {}): Promise<{ overdueMarked?: number; slaBreached: number; escalated: number }> {
  const tickets = await sweepTickets();
  console.log(JSON.stringify({ level: 'info', message: 'schedule: tickets swept', breached: tickets.breached, escalated: tickets.escalated }));
  if (event.sweep === 'tickets') return { slaBreached: tickets.breached, escalated: tickets.escalated };
  const { marked } = await invoiceService.markOverdue();
  console.log(JSON.stringify({ level: 'info', message: 'schedule: overdue invoices marked', count: marked }));
  return { overdueMarked: marked, slaBreached: tickets.breached, escalated: tickets.escalated };
}
