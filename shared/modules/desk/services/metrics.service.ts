import type { Actor } from '../../identity/domain/identity';
import { ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { ValidationError } from '../../../platform/errors';
import { nowIso } from '../../../platform/clock';
import { isOpenStatus } from '../domain/ticket-assignment';
import { slaStatus } from '../domain/sla-policy';
import { dailyFigures, serviceMetrics, type DayFigures, type ServiceMetrics, type TicketFacts } from '../domain/ticket-metrics';
import { ticketRepository } from '../db/ticket.repository';

/** The service desk's figures for staff. */
export const serviceMetricsService = {
  /** Service metrics over the tickets created from `from` to `to` (UTC days, inclusive), in wall-clock minutes. */
  async read(actor: Actor, from: string, to: string): Promise<ServiceMetrics & { byDay: DayFigures[] }> {
    enforce(ticketPolicy.readMetrics(actor), 'Service metrics');
    if (from > to) throw new ValidationError('`from` must not be after `to`.', undefined, 'invalid_range');
    if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new ValidationError('Ask for at most a year at a time.', undefined, 'range_too_long');
    const now = nowIso();
    const tickets = await ticketRepository.createdBetween(`${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`);
    const facts = tickets.map(
      (t): TicketFacts => ({
        agentId: t.assigneeId,
        teamId: t.teamId,
        createdAt: t.createdAt,
        firstRespondedAt: t.sla.firstRespondedAt,
        resolvedAt: t.resolvedAt,
        breached: t.sla.breached || (isOpenStatus(t.status) && slaStatus(t.sla, now).breached),
        csatScore: t.csat?.score,
      }),
    );
    return { ...serviceMetrics(facts), byDay: dailyFigures(facts, from, to) };
  },
};
