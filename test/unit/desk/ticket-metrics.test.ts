import { dailyFigures, daysBetween, serviceMetrics, type TicketFacts } from '../../../shared/modules/desk/domain/ticket-metrics';

const at = (minutes: number) => new Date(Date.parse('2026-03-02T01:00:00.000Z') + minutes * 60_000).toISOString();
const ticket = (facts: Partial<TicketFacts> & { respondedAfter?: number; resolvedAfter?: number }): TicketFacts => ({
  createdAt: at(0),
  breached: false,
  ...(facts.respondedAfter !== undefined ? { firstRespondedAt: at(facts.respondedAfter) } : {}),
  ...(facts.resolvedAfter !== undefined ? { resolvedAt: at(facts.resolvedAfter) } : {}),
  ...facts,
});

describe('service metrics', () => {
  const tickets = [
    ticket({ agentId: 'citra', teamId: 'desk', respondedAfter: 10, resolvedAfter: 100, csatScore: 5 }),
    ticket({ agentId: 'citra', teamId: 'desk', respondedAfter: 30, resolvedAfter: 300, csatScore: 3, breached: true }),
    ticket({ agentId: 'dodi', teamId: 'desk', respondedAfter: 20 }),
    ticket({ teamId: 'billing' }),
  ];

  it('averages and takes the median of first response and resolution, in minutes', () => {
    const metrics = serviceMetrics(tickets);
    expect(metrics.firstResponseMinutes).toEqual({ avg: 20, median: 20 });
    expect(metrics.resolutionMinutes).toEqual({ avg: 200, median: 200 });
    expect(metrics.ticketCount).toBe(4);
  });

  it('counts SLA compliance over all tickets and CSAT over the rated ones', () => {
    const metrics = serviceMetrics(tickets);
    expect(metrics.slaCompliancePercent).toBe(75);
    expect(metrics).toMatchObject({ csatAverage: 4, csatCount: 2 });
  });

  it('splits by agent (unassigned tickets count overall only) and by team', () => {
    const { byAgent, byTeam } = serviceMetrics(tickets);
    expect(byAgent.map((a) => [a.agentId, a.ticketCount, a.firstResponseMinutes.avg, a.slaCompliancePercent])).toEqual([
      ['citra', 2, 20, 50],
      ['dodi', 1, 20, 100],
    ]);
    expect(byTeam.map((t) => [t.teamId, t.ticketCount, t.resolutionMinutes.median])).toEqual([
      ['billing', 1, null],
      ['desk', 3, 200],
    ]);
  });

  it('takes the middle value of an odd count and rounds to one decimal', () => {
    const metrics = serviceMetrics([ticket({ respondedAfter: 1 }), ticket({ respondedAfter: 2 }), ticket({ respondedAfter: 10 })]);
    expect(metrics.firstResponseMinutes).toEqual({ avg: 4.3, median: 2 });
  });

  it('has no figures without tickets', () => {
    expect(serviceMetrics([])).toEqual({
      firstResponseMinutes: { avg: null, median: null },
      resolutionMinutes: { avg: null, median: null },
      slaCompliancePercent: null,
      csatAverage: null,
      csatCount: 0,
      ticketCount: 0,
      byAgent: [],
      byTeam: [],
    });
  });
});

describe('service metrics by day', () => {
  it('lists every UTC day of the period, across months and leap days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('counts opened by creation day, resolved by resolution day, SLA and CSAT of each day’s new tickets', () => {
    const days = dailyFigures(
      [
        ticket({ resolvedAfter: 60 * 24, csatScore: 4 }),
        ticket({ breached: true, csatScore: 2 }),
        ticket({ createdAt: '2026-03-03T23:59:00.000Z', resolvedAt: '2026-03-04T00:05:00.000Z' }),
      ],
      '2026-03-01',
      '2026-03-04',
    );
    expect(days).toEqual([
      { day: '2026-03-01', opened: 0, resolved: 0, slaCompliancePercent: null, csatAverage: null },
      { day: '2026-03-02', opened: 2, resolved: 0, slaCompliancePercent: 50, csatAverage: 3 },
      { day: '2026-03-03', opened: 1, resolved: 1, slaCompliancePercent: 100, csatAverage: null },
      { day: '2026-03-04', opened: 0, resolved: 1, slaCompliancePercent: null, csatAverage: null },
    ]);
  });
});
