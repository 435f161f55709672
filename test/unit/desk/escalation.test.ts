import { DEFAULT_ESCALATION_RULE, escalationFacts, escalationRule, internalNoteOf, minimumOpenHours, recipientsOf, ruleMatches, type EscalationRule } from '../../../shared/modules/desk/domain/escalation';

const created = '2026-03-02T01:00:00.000Z';
const ticket = { createdAt: created, severity: 2, priority: 'high' as const, channel: 'phone' as const, status: 'new' as const, breached: false };
const hoursLater = (hours: number) => new Date(Date.parse(created) + hours * 3_600_000);

describe('the default escalation rule (open 20 h, high severity, high-value customer, no status set)', () => {
  it('is plain data: a trigger, {field, op, value} conditions and actions', () => {
    expect(DEFAULT_ESCALATION_RULE).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      enabled: true,
      trigger: 'ticket_sweep',
      conditions: [
        { field: 'openHours', op: 'gte', value: 20 },
        { field: 'severity', op: 'lte', value: 2 },
        { field: 'accountTier', op: 'eq', value: 'high' },
        { field: 'statusChanged', op: 'eq', value: false },
      ],
      actions: [{ type: 'notify', role: 'service_manager' }, { type: 'add_internal_note' }],
    });
    expect(JSON.parse(JSON.stringify(DEFAULT_ESCALATION_RULE))).toEqual(DEFAULT_ESCALATION_RULE);
  });

  it('fires for an untouched severity 1–2 ticket of a high-tier account open 20 hours', () => {
    expect(ruleMatches(DEFAULT_ESCALATION_RULE, escalationFacts(ticket, 'high', hoursLater(20)))).toBe(true);
    expect(ruleMatches(DEFAULT_ESCALATION_RULE, escalationFacts({ ...ticket, severity: 1 }, 'high', hoursLater(30)))).toBe(true);
  });

  it.each([
    ['open only 19 hours', ticket, 'high', 19],
    ['severity 3', { ...ticket, severity: 3 }, 'high', 21],
    ['no severity', { ...ticket, severity: undefined }, 'high', 21],
    ['a normal-tier account', ticket, 'normal', 21],
    ['an account without a tier', ticket, undefined, 21],
    ['a status already set', { ...ticket, status: 'open' as const, statusChangedAt: '2026-03-02T02:00:00.000Z' }, 'high', 21],
  ] as const)('does not fire for %s', (_label, facts, tier, hours) => {
    expect(ruleMatches(DEFAULT_ESCALATION_RULE, escalationFacts(facts, tier, hoursLater(hours)))).toBe(false);
  });

  it('notifies the service managers and adds a note', () => {
    expect(recipientsOf(DEFAULT_ESCALATION_RULE, ['Manager@Kaktus.example', 'admin@kaktus.example'])).toEqual(['manager@kaktus.example', 'admin@kaktus.example']);
    expect(internalNoteOf(DEFAULT_ESCALATION_RULE)).toContain(DEFAULT_ESCALATION_RULE.name);
  });
});

describe('rules as data', () => {
  const rule: EscalationRule = {
    id: 'urgent-chat',
    name: 'Urgent chats unassigned',
    enabled: true,
    trigger: 'ticket_sweep',
    conditions: [
      { field: 'priority', op: 'in', value: ['urgent', 'high'] },
      { field: 'channel', op: 'eq', value: 'chat' },
      { field: 'assigned', op: 'eq', value: false },
      { field: 'openHours', op: 'gt', value: 1 },
    ],
    actions: [{ type: 'notify', emails: ['lead@kaktus.example', 'LEAD@kaktus.example'] }],
  };
  const chat = { ...ticket, channel: 'chat' as const, priority: 'urgent' as const };

  it('checks every condition', () => {
    expect(ruleMatches(rule, escalationFacts(chat, undefined, hoursLater(2)))).toBe(true);
    expect(ruleMatches(rule, escalationFacts({ ...chat, priority: 'low' }, undefined, hoursLater(2)))).toBe(false);
    expect(ruleMatches(rule, escalationFacts({ ...chat, assigneeId: 'agent' }, undefined, hoursLater(2)))).toBe(false);
    expect(ruleMatches(rule, escalationFacts(chat, undefined, hoursLater(1)))).toBe(false);
  });

  it('never fires a disabled rule', () => {
    expect(ruleMatches({ ...rule, enabled: false }, escalationFacts(chat, undefined, hoursLater(2)))).toBe(false);
  });

  it('mails named addresses once each, and adds no note without the action', () => {
    expect(recipientsOf(rule, ['manager@kaktus.example'])).toEqual(['lead@kaktus.example']);
    expect(internalNoteOf(rule)).toBeUndefined();
  });

  it('compiles the brief form with named e-mails', () => {
    const compiled = escalationRule({ id: 'x', name: 'X', when: { minOpenHours: 4 }, then: { notifyEmails: ['a@b.example'] } });
    expect(compiled.conditions).toEqual([{ field: 'openHours', op: 'gte', value: 4 }]);
    expect(compiled.actions).toEqual([{ type: 'notify', emails: ['a@b.example'] }]);
  });

  it('tells the sweep how old a ticket must be before any rule can fire', () => {
    expect(minimumOpenHours([DEFAULT_ESCALATION_RULE, rule])).toBe(1);
    expect(minimumOpenHours([DEFAULT_ESCALATION_RULE, { ...rule, enabled: false }])).toBe(20);
    expect(minimumOpenHours([{ ...rule, conditions: [{ field: 'severity', op: 'eq', value: 1 }] }])).toBe(0);
    expect(minimumOpenHours([])).toBeUndefined();
  });
});
