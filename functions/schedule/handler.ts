import { invoiceService } from '../../shared/services/invoice.service';

/**
 * Scheduled function (EventBridge, daily): marks issued invoices past their due date as
 * overdue. The work queue is the sparse due-date index, so the sweep reads only open
 * invoices that are due, never the table.
 */
export async function handler(): Promise<{ overdueMarked: number }> {
  const { marked } = await invoiceService.markOverdue();
  console.log(JSON.stringify({ level: 'info', message: 'schedule: overdue invoices marked', count: marked }));
  return { overdueMarked: marked };
}
