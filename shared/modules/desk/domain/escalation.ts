import type { AccountTier, TicketChannel, TicketPriority, TicketStatus } from './service-vocabulary';

/**
 * Escalation rules, kept as plain data in the generic shape a later rules engine can absorb:
 * a trigger, a list of `{field, op, value}` conditions (all must hold) and a list of actions.
 * The brief's friendlier `when`/`then` form compiles into it (`escalationRule`).
 */
export const ESCALATION_TRIGGERS = ['ticket_sweep'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** What a condition can look at; each is a fact of the ticket at the time of the sweep. */
export const ESCALATION_FIELDS = ['openHours', 'severity', 'priority', 'category', 'channel', 'status', 'accountTier', 'statusChanged', 'assigned', 'breached'] as const;
export type EscalationField = (typeof ESCALATION_FIELDS)[number];

export const CONDITION_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** Roles a rule can notify without naming people; `service_manager` = the service settings' manager e-mails. */
export const NOTIFY_ROLES = ['service_manager'] as const;
export type NotifyRole = (typeof NOTIFY_ROLES)[number];

export type ConditionValue = string | number | boolean | (string | number)[];
export type EscalationCondition = { field: EscalationField; op: ConditionOp; value: ConditionValue };

export type EscalationAction = { type: 'notify'; role?: NotifyRole; emails?: string[] } | { type: 'add_internal_note'; body?: string };

export type EscalationRule = {
  id: string;
  name: string;
  enabled: boolean;
  trigger: EscalationTrigger;
  conditions: EscalationCondition[];
  actions: EscalationAction[];
};

/** The facts of one ticket the conditions are checked against. */
export type EscalationFacts = {
  openHours: number;
  severity?: number;
  priority: TicketPriority;
  category?: string;
  channel: TicketChannel;
  status: TicketStatus;
  accountTier?: AccountTier;
  /** The status was changed at least once since the ticket was opened. */
  statusChanged: boolean;
  assigned: boolean;
  breached: boolean;
};

/** The rule as the brief words it. */
export type EscalationBrief = {
  id: string;
  name: string;
  when: { minOpenHours?: number; severityAtMost?: number; accountTier?: AccountTier; noStatusChange?: boolean };
  then: { notifyRole?: NotifyRole; notifyEmails?: string[]; addInternalNote?: boolean };
};

/** Compile the brief's `when`/`then` form into the generic conditions and actions. */
export function escalationRule(brief: EscalationBrief): EscalationRule {
  const { when, then } = brief;
  const conditions: EscalationCondition[] = [
    ...(when.minOpenHours !== undefined ? [{ field: 'openHours', op: 'gte', value: when.minOpenHours } as const] : []),
    ...(when.severityAtMost !== undefined ? [{ field: 'severity', op: 'lte', value: when.severityAtMost } as const] : []),
    ...(when.accountTier !== undefined ? [{ field: 'accountTier', op: 'eq', value: when.accountTier } as const] : []),
    ...(when.noStatusChange ? [{ field: 'statusChanged', op: 'eq', value: false } as const] : []),
  ];
  const actions: EscalationAction[] = [
    ...(then.notifyRole || then.notifyEmails?.length ? [{ type: 'notify' as const, ...(then.notifyRole ? { role: then.notifyRole } : {}), ...(then.notifyEmails?.length ? { emails: then.notifyEmails } : {}) }] : []),
    ...(then.addInternalNote ? [{ type: 'add_internal_note' as const }] : []),
  ];
  return { id: brief.id, name: brief.name, enabled: true, trigger: 'ticket_sweep', conditions, actions };
}

/**
 * The source material's rule: "a service call open 20 hours, high severity, for a high-value
 * customer, with no status set → notify the service manager".
 */
export const DEFAULT_ESCALATION_RULE: EscalationRule = escalationRule({
  id: 'untouched-high-severity-key-account',
  name: 'High-severity ticket of a high-value customer untouched for 20 hours',
  when: { minOpenHours: 20, severityAtMost: 2, accountTier: 'high', noStatusChange: true },
  then: { notifyRole: 'service_manager', addInternalNote: true },
});

function holds(condition: EscalationCondition, facts: EscalationFacts): boolean {
  const actual = facts[condition.field];
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && actual !== undefined && typeof actual !== 'boolean' && expected.includes(actual);
    default: {
      // An order comparison needs two numbers: an absent severity is not "at most 2".
      if (typeof actual !== 'number' || typeof expected !== 'number') return false;
      if (condition.op === 'lt') return actual < expected;
      if (condition.op === 'lte') return actual <= expected;
      if (condition.op === 'gt') return actual > expected;
      return actual >= expected;
    }
  }
}

/** True when the rule is on and every one of its conditions holds for the ticket. */
export function ruleMatches(rule: EscalationRule, facts: EscalationFacts): boolean {
  return rule.enabled && rule.conditions.every((condition) => holds(condition, facts));
}

/** What a ticket looks like to the rules at `now`. */
export function escalationFacts(
  ticket: { createdAt: string; severity?: number; priority: TicketPriority; category?: string; channel: TicketChannel; status: TicketStatus; statusChangedAt?: string; assigneeId?: string; breached: boolean },
  accountTier: AccountTier | undefined,
  now: Date,
): EscalationFacts {
  return {
    openHours: (now.getTime() - Date.parse(ticket.createdAt)) / 3_600_000,
    severity: ticket.severity,
    priority: ticket.priority,
    category: ticket.category,
    channel: ticket.channel,
    status: ticket.status,
    accountTier,
    statusChanged: ticket.statusChangedAt !== undefined,
    assigned: ticket.assigneeId !== undefined,
    breached: ticket.breached,
  };
}

/**
 * How long a ticket must have been open before any enabled rule can match: the sweep reads
 * only open tickets older than this. 0 when some rule does not bound the age.
 */
export function minimumOpenHours(rules: EscalationRule[]): number | undefined {
  const bounds = rules
    .filter((rule) => rule.enabled)
    .map((rule) => {
      const lower = rule.conditions.filter((c) => c.field === 'openHours' && (c.op === 'gte' || c.op === 'gt' || c.op === 'eq') && typeof c.value === 'number');
      return lower.length > 0 ? Math.max(...lower.map((c) => c.value as number)) : 0;
    });
  return bounds.length > 0 ? Math.min(...bounds) : undefined;
}

/** Everyone a rule's notify actions reach, the role resolved to the manager e-mails; lower-cased, once each. */
export function recipientsOf(rule: EscalationRule, managerEmails: string[]): string[] {
  const emails = rule.actions.flatMap((action) => (action.type === 'notify' ? [...(action.role === 'service_manager' ? managerEmails : []), ...(action.emails ?? [])] : []));
  return [...new Set(emails.map((email) => email.trim().toLowerCase()))];
}

/** The internal note a rule adds, if it adds one. */
export function internalNoteOf(rule: EscalationRule): string | undefined {
  const action = rule.actions.find((a): a is Extract<EscalationAction, { type: 'add_internal_note' }> => a.type === 'add_internal_note');
  if (!action) return undefined;
  return action.body ?? `Escalated: ${rule.name}.`;
}
