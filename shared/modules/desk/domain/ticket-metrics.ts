/** What the service metrics need of one ticket; times are ISO 8601 instants. */
export type TicketFacts = {
  agentId?: string;
  teamId?: string;
  createdAt: string;
  firstRespondedAt?: string;
  resolvedAt?: string;
  breached: boolean;
  csatScore?: number;
};

/** Average and median of a set of durations in minutes; null when the set is empty. */
export type Spread = { avg: number | null; median: number | null };

export type MetricsSummary = {
  firstResponseMinutes: Spread;
  resolutionMinutes: Spread;
  /** Share of the tickets whose SLA was not breached, in percent; null without tickets. */
  slaCompliancePercent: number | null;
  csatAverage: number | null;
  csatCount: number;
  ticketCount: number;
};

export type ServiceMetrics = MetricsSummary & {
  byAgent: (MetricsSummary & { agentId: string })[];
  byTeam: (MetricsSummary & { teamId: string })[];
};

/** One UTC day of the period: tickets opened, of the period's tickets those resolved that day, SLA kept and CSAT of the day's new tickets. */
export type DayFigures = { day: string; opened: number; resolved: number; slaCompliancePercent: number | null; csatAverage: number | null };

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Wall-clock minutes from one instant to another. */
function minutesBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 60_000;
}

function spread(values: number[]): Spread {
  if (values.length === 0) return { avg: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { avg: round(values.reduce((sum, v) => sum + v, 0) / values.length, 1), median: round(median, 1) };
}

/** The figures of one group of tickets. */
function summarise(tickets: TicketFacts[]): MetricsSummary {
  const responded = tickets.flatMap((t) => (t.firstRespondedAt ? [minutesBetween(t.createdAt, t.firstRespondedAt)] : []));
  const resolved = tickets.flatMap((t) => (t.resolvedAt ? [minutesBetween(t.createdAt, t.resolvedAt)] : []));
  const scores = tickets.flatMap((t) => (t.csatScore !== undefined ? [t.csatScore] : []));
  const compliant = tickets.filter((t) => !t.breached).length;
  return {
    firstResponseMinutes: spread(responded),
    resolutionMinutes: spread(resolved),
    slaCompliancePercent: tickets.length === 0 ? null : round((compliant / tickets.length) * 100, 1),
    csatAverage: scores.length === 0 ? null : round(scores.reduce((sum, s) => sum + s, 0) / scores.length, 2),
    csatCount: scores.length,
    ticketCount: tickets.length,
  };
}

function groupBy(tickets: TicketFacts[], key: (t: TicketFacts) => string | undefined): [string, TicketFacts[]][] {
  const groups = new Map<string, TicketFacts[]>();
  for (const ticket of tickets) {
    const id = key(ticket);
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), ticket]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Service metrics over a set of tickets (wall-clock minutes from creation): overall, per
 * assigned agent and per team. Unassigned tickets count overall only.
 */
export function serviceMetrics(tickets: TicketFacts[]): ServiceMetrics {
  return {
    ...summarise(tickets),
    byAgent: groupBy(tickets, (t) => t.agentId).map(([agentId, group]) => ({ agentId, ...summarise(group) })),
    byTeam: groupBy(tickets, (t) => t.teamId).map(([teamId, group]) => ({ teamId, ...summarise(group) })),
  };
}

/** Every UTC day from `from` to `to` (`YYYY-MM-DD`, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/**
 * The period day by day (every day, none left out): tickets opened, tickets resolved (by the
 * day they were resolved, among the period's tickets), and the SLA compliance and CSAT of the
 * tickets opened that day.
 */
export function dailyFigures(tickets: TicketFacts[], from: string, to: string): DayFigures[] {
  return daysBetween(from, to).map((day) => {
    const opened = tickets.filter((t) => t.createdAt.slice(0, 10) === day);
    const { slaCompliancePercent, csatAverage } = summarise(opened);
    return { day, opened: opened.length, resolved: tickets.filter((t) => t.resolvedAt?.slice(0, 10) === day).length, slaCompliancePercent, csatAverage };
  });
}
