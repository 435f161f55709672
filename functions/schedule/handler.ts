import { invoiceService } from '../../shared/modules/commerce/services/invoice.service';
import { sweepTickets } from '../../shared/modules/desk/services/sla-sweep.service';
import { sweepWork, type SweepResult } from '../../shared/platform/work/work-runner';
import { WORK_KINDS } from '../work-kinds';

/**
 * What a schedule rule sends. The 1-minute rule names the work sweep (background units left
 * over by the stream); the 5-minute rule the ticket sweep (SLA timers need minutes); the daily
 * rule sends EventBridge's own event, which names none: everything runs.
 */
export type ScheduleEvent = { sweep?: 'work' | 'tickets' };

export type ScheduleResult = { work?: SweepResult; slaBreached?: number; escalated?: number; overdueMarked?: number };

const log = (message: string, fields: Record<string, unknown>) => console.log(JSON.stringify({ level: 'info', message, ...fields }));

/**
 * Scheduled function (EventBridge). Every minute: re-drives background work the stream did not
 * finish. Every 5 minutes: SLA breaches and escalation rules of open tickets. Daily: also marks
 * issued invoices past their due date as overdue. Each queue is an index read up to now, never
 * the table.
 */
export async function handler(event: ScheduleEvent = {}): Promise<ScheduleResult> {
  if (event.sweep === 'work') {
    const work = await sweepWork(WORK_KINDS);
    if (Object.values(work).some((count) => count > 0)) log('schedule: work swept', work);
    return { work };
  }
  const tickets = await sweepTickets();
  log('schedule: tickets swept', { breached: tickets.breached, escalated: tickets.escalated });
  if (event.sweep === 'tickets') return { slaBreached: tickets.breached, escalated: tickets.escalated };
  const { marked } = await invoiceService.markOverdue();
  log('schedule: overdue invoices marked', { count: marked });
  return { overdueMarked: marked, slaBreached: tickets.breached, escalated: tickets.escalated };
}
