import { chooseRep } from '../../sales/domain/lead-assignment';
import { OPEN_TICKET_STATUSES, type TicketStatus } from './service-vocabulary';

/** A service team: the categories it takes and the agents (user ids) who work its tickets. */
export type ServiceTeam = { id: string; name: string; categories: string[]; memberIds: string[] };

/** What assignment reads from the service settings. */
export type AssignmentSettings = { teams: ServiceTeam[]; defaultTeamId?: string };

/** Who holds a ticket in which status: what an agent's open-ticket count follows. */
export type TicketHolding = { status: TicketStatus; assigneeId?: string };

const normalised = (text: string) => text.trim().toLowerCase();

/** True while the ticket still needs work (it counts towards its agent's load and sits in the open queues). */
export function isOpenStatus(status: TicketStatus): boolean {
  return (OPEN_TICKET_STATUSES as readonly TicketStatus[]).includes(status);
}

/** The team a new ticket goes to: the first team listing its category (case-insensitive), else the default team. */
export function teamFor(category: string | undefined, settings: AssignmentSettings): ServiceTeam | undefined {
  const wanted = category === undefined ? undefined : normalised(category);
  const byCategory = wanted === undefined ? undefined : settings.teams.find((team) => team.categories.some((c) => normalised(c) === wanted));
  return byCategory ?? settings.teams.find((team) => team.id === settings.defaultTeamId);
}

/**
 * The team member to take a new ticket: the fewest open tickets; on a tie the next one after
 * the member the team's last ticket went to, so equally loaded agents take turns.
 */
export function assigneeFor(team: ServiceTeam, openCounts: ReadonlyMap<string, number>, lastAssigned: string | undefined): string | undefined {
  const workload = new Map(team.memberIds.map((id) => [id, openCounts.get(id) ?? 0]));
  return chooseRep(workload, lastAssigned);
}

/**
 * How a change moves agents' open-ticket counts: the agent who held the ticket open gives one
 * up, the agent who now holds it open takes one. Empty when nothing changes for anybody.
 */
export function openLoadChanges(before: TicketHolding | undefined, after: TicketHolding): Map<string, number> {
  const changes = new Map<string, number>();
  const move = (holding: TicketHolding | undefined, delta: number) => {
    if (!holding?.assigneeId || !isOpenStatus(holding.status)) return;
    changes.set(holding.assigneeId, (changes.get(holding.assigneeId) ?? 0) + delta);
  };
  move(before, -1);
  move(after, 1);
  for (const [agentId, delta] of changes) if (delta === 0) changes.delete(agentId);
  return changes;
}
