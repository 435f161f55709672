import type { Context } from 'aws-lambda';
import { invoiceService } from '../../shared/modules/commerce/services/invoice.service';
import { sweepTickets } from '../../shared/modules/desk/services/sla-sweep.service';
import { sweepWork, type SweepResult } from '../../shared/platform/work/work-runner';
import { logger } from '../../shared/platform/logger';
import { withInvocationLog } from '../invocation-log';
import { WORK_KINDS } from '../work-kinds';

/**
 * What a schedule rule sends. The 1-minute rule names the work sweep (background units left
 * over by the stream); the 5-minute rule the ticket sweep (SLA timers need minutes); the daily
 * rule sends EventBridge's own event, which names none: everything runs.
 */
export type ScheduleEvent = { sweep?: 'work' | 'tickets' };

export type ScheduleResult = { work?: SweepResult; slaBreached?: number; escalated?: number; overdueMarked?: number };

/**
 * Scheduled function (EventBridge). Every minute: re-drives background work the stream did not
 * finish. Every 5 minutes: SLA breaches and escalation rules of open tickets. Daily: also marks
 * issued invoices past their due date as overdue. Each queue is an index read up to now, never
 * the table.
 */
export function handler(event: ScheduleEvent = {}, context?: Context): Promise<ScheduleResult> {
  return withInvocationLog(context, () => sweep(event));
}

// A sweep that found nothing is logged at DEBUG only: the timers fire every minute or five.
const sweptLevel = (counts: Record<string, number>) => (Object.values(counts).some((count) => count > 0) ? 'info' : 'debug');

async function sweep(event: ScheduleEvent): Promise<ScheduleResult> {
  if (event.sweep === 'work') {
    const work = await sweepWork(WORK_KINDS);
    logger[sweptLevel(work)]('schedule: work swept', work);
    return { work };
  }
  const tickets = await sweepTickets();
  const ticketCounts = { breached: tickets.breached, escalated: tickets.escalated };
  logger[sweptLevel(ticketCounts)]('schedule: tickets swept', ticketCounts);
  if (event.sweep === 'tickets') return { slaBreached: tickets.breached, escalated: tickets.escalated };
  const { marked } = await invoiceService.markOverdue();
  logger.info('schedule: overdue invoices marked', { count: marked });
  return { overdueMarked: marked, slaBreached: tickets.breached, escalated: tickets.escalated };
}
