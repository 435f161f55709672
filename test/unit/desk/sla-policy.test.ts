import {
  DEFAULT_SLA_POLICY,
  pickSlaPolicy,
  slaAfterFirstResponse,
  slaAfterPriorityChange,
  slaAfterStatusChange,
  slaStatus,
  startSla,
  type SlaClock,
  type SlaPolicyRules,
} from '../../../shared/modules/desk/domain/sla-policy';
import type { TicketPriority, TicketStatus } from '../../../shared/modules/desk/domain/service-vocabulary';

/**
 * Instants are worked out by hand. Jakarta is UTC+7: 08:00 WIB = 01:00Z, 17:00 WIB = 10:00Z,
 * a business day is 540 minutes. January 2026: Fri 9, Mon 12, Thu 15, Fri 16 (a holiday in
 * this policy's calendar), Mon 19.
 */
const workday = { start: '08:00', end: '17:00' };
const POLICY: SlaPolicyRules = {
  id: 'standard',
  name: 'Standard',
  calendar: { timeZone: 'Asia/Jakarta', hours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday }, holidays: ['2026-01-16'] },
  targets: {
    urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
    low: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  },
  pauseStatuses: ['pending'],
  appliesTo: {},
  rank: 100,
  active: true,
};

const clock = (overrides: Partial<SlaClock> = {}): SlaClock => ({
  policyId: 'standard',
  firstResponseDueAt: '2026-01-12T03:00:00.000Z',
  resolutionDueAt: '2026-01-12T09:00:00.000Z',
  breached: false,
  paused: false,
  pausedMinutes: 0,
  ...overrides,
});

describe('startSla', () => {
  it.each<[string, TicketPriority, string, string, string]>([
    ['urgent, Monday 09:00', 'urgent', '2026-01-12T02:00:00.000Z', '2026-01-12T02:30:00.000Z', '2026-01-12T06:00:00.000Z'],
    ['high, Monday 16:30: both run into Tuesday', 'high', '2026-01-12T09:30:00.000Z', '2026-01-13T01:30:00.000Z', '2026-01-13T08:30:00.000Z'],
    ['normal, Thursday 14:00 before the Friday holiday', 'normal', '2026-01-15T07:00:00.000Z', '2026-01-19T02:00:00.000Z', '2026-01-21T04:00:00.000Z'],
    ['low, created on a Saturday', 'low', '2026-01-10T05:00:00.000Z', '2026-01-12T09:00:00.000Z', '2026-01-19T05:00:00.000Z'],
  ])('%s', (_case, priority, createdAt, firstResponseDueAt, resolutionDueAt) => {
    expect(startSla(POLICY, priority, createdAt)).toEqual({ policyId: 'standard', firstResponseDueAt, resolutionDueAt, breached: false, paused: false, pausedMinutes: 0 });
  });
});

describe('slaAfterStatusChange', () => {
  // Urgent ticket created Friday 9 January 10:00 WIB: first response due 10:30, resolution 14:00.
  const friday = clock({ firstResponseDueAt: '2026-01-09T03:30:00.000Z', resolutionDueAt: '2026-01-09T07:00:00.000Z' });

  it.each<[string, SlaClock, TicketStatus, TicketStatus, string, Partial<SlaClock>]>([
    ['open → pending pauses at that instant', friday, 'open', 'pending', '2026-01-09T08:00:00.000Z', { paused: true, pausedAt: '2026-01-09T08:00:00.000Z' }],
    [
      'pending → open after a pause over the weekend shifts both deadlines by its 180 business minutes (Fri 15–17, Mon 08–09)',
      { ...friday, paused: true, pausedAt: '2026-01-09T08:00:00.000Z' },
      'pending',
      'open',
      '2026-01-12T02:00:00.000Z',
      { paused: false, pausedAt: undefined, pausedMinutes: 180, firstResponseDueAt: '2026-01-09T06:30:00.000Z', resolutionDueAt: '2026-01-09T10:00:00.000Z' },
    ],
    [
      'a second pause adds to the minutes of the first',
      { ...friday, paused: true, pausedAt: '2026-01-09T05:00:00.000Z', pausedMinutes: 15 },
      'pending',
      'open',
      '2026-01-09T05:45:00.000Z',
      { paused: false, pausedAt: undefined, pausedMinutes: 60, firstResponseDueAt: '2026-01-09T04:15:00.000Z', resolutionDueAt: '2026-01-09T07:45:00.000Z' },
    ],
    [
      'a pause held only outside hours leaves a deadline at closing time where it was',
      { ...friday, resolutionDueAt: '2026-01-09T10:00:00.000Z', paused: true, pausedAt: '2026-01-09T10:30:00.000Z' },
      'pending',
      'open',
      '2026-01-12T00:45:00.000Z',
      { paused: false, pausedAt: undefined, pausedMinutes: 0, firstResponseDueAt: '2026-01-09T03:30:00.000Z', resolutionDueAt: '2026-01-09T10:00:00.000Z' },
    ],
    [
      'a first response already given keeps its deadline; resolution moves',
      { ...friday, firstRespondedAt: '2026-01-09T03:10:00.000Z', paused: true, pausedAt: '2026-01-09T05:00:00.000Z' },
      'pending',
      'resolved',
      '2026-01-09T06:00:00.000Z',
      { paused: false, pausedAt: undefined, pausedMinutes: 60, firstResponseDueAt: '2026-01-09T03:30:00.000Z', resolutionDueAt: '2026-01-09T08:00:00.000Z' },
    ],
    ['open → resolved does not pause', friday, 'open', 'resolved', '2026-01-09T05:00:00.000Z', {}],
    ['new → open does not pause', friday, 'new', 'open', '2026-01-09T05:00:00.000Z', {}],
    ['the same status changes nothing', { ...friday, paused: true, pausedAt: '2026-01-09T05:00:00.000Z' }, 'pending', 'pending', '2026-01-12T05:00:00.000Z', {}],
  ])('%s', (_case, before, from, to, at, changes) => {
    expect(slaAfterStatusChange(before, POLICY, from, to, at)).toEqual({ ...before, ...changes });
  });

  it('stays paused from one pause status to another, counting from the first', () => {
    const policy = { ...POLICY, pauseStatuses: ['pending', 'new'] as TicketStatus[] };
    const paused = slaAfterStatusChange(friday, policy, 'open', 'pending', '2026-01-09T05:00:00.000Z');
    const still = slaAfterStatusChange(paused, policy, 'pending', 'new', '2026-01-09T06:00:00.000Z');
    expect(still).toEqual({ ...friday, paused: true, pausedAt: '2026-01-09T05:00:00.000Z' });
    expect(slaAfterStatusChange(still, policy, 'new', 'open', '2026-01-09T07:00:00.000Z')).toMatchObject({ paused: false, pausedMinutes: 120, resolutionDueAt: '2026-01-09T09:00:00.000Z' });
  });
});

describe('slaAfterPriorityChange', () => {
  // Created Monday 12 January 09:00 WIB as normal: first response due 13:00, resolution Wednesday 15:00.
  const createdAt = '2026-01-12T02:00:00.000Z';
  const normal = clock({ firstResponseDueAt: '2026-01-12T06:00:00.000Z', resolutionDueAt: '2026-01-14T08:00:00.000Z' });

  it.each<[string, SlaClock, TicketPriority, string, Partial<SlaClock>]>([
    ['raised to urgent at 10:00: the first response is overdue at once', normal, 'urgent', '2026-01-12T03:00:00.000Z', { firstResponseDueAt: '2026-01-12T02:30:00.000Z', resolutionDueAt: '2026-01-12T06:00:00.000Z', breached: true }],
    ['raised to high at 09:15: due 10:00 and 17:00', normal, 'high', '2026-01-12T02:15:00.000Z', { firstResponseDueAt: '2026-01-12T03:00:00.000Z', resolutionDueAt: '2026-01-12T10:00:00.000Z' }],
    [
      'lowered to low after 60 paused minutes: the targets plus the pause, over the Friday holiday',
      { ...normal, pausedMinutes: 60 },
      'low',
      '2026-01-12T03:00:00.000Z',
      { firstResponseDueAt: '2026-01-13T02:00:00.000Z', resolutionDueAt: '2026-01-19T07:00:00.000Z' },
    ],
    [
      'after the first response only the resolution moves',
      { ...normal, firstRespondedAt: '2026-01-12T02:20:00.000Z' },
      'urgent',
      '2026-01-12T03:00:00.000Z',
      { resolutionDueAt: '2026-01-12T06:00:00.000Z' },
    ],
    ['a recorded breach stays when the target gets looser', { ...normal, breached: true }, 'low', '2026-01-12T03:00:00.000Z', { firstResponseDueAt: '2026-01-12T10:00:00.000Z', resolutionDueAt: '2026-01-19T06:00:00.000Z' }],
  ])('%s', (_case, before, priority, at, changes) => {
    expect(slaAfterPriorityChange(before, POLICY, priority, createdAt, at)).toEqual({ ...before, ...changes });
  });
});

describe('slaAfterFirstResponse', () => {
  it.each<[string, SlaClock, string, Partial<SlaClock>]>([
    ['in time', clock(), '2026-01-12T02:59:00.000Z', { firstRespondedAt: '2026-01-12T02:59:00.000Z' }],
    ['exactly at the deadline is in time', clock(), '2026-01-12T03:00:00.000Z', { firstRespondedAt: '2026-01-12T03:00:00.000Z' }],
    ['one second late is a breach', clock(), '2026-01-12T03:00:01.000Z', { firstRespondedAt: '2026-01-12T03:00:01.000Z', breached: true }],
    ['a later reply is not the first one', clock({ firstRespondedAt: '2026-01-12T02:00:00.000Z' }), '2026-01-12T04:00:00.000Z', {}],
    ['while paused since before the deadline it is in time', clock({ paused: true, pausedAt: '2026-01-12T02:30:00.000Z' }), '2026-01-12T05:00:00.000Z', { firstRespondedAt: '2026-01-12T05:00:00.000Z' }],
    ['while paused since after the deadline it is late', clock({ paused: true, pausedAt: '2026-01-12T03:30:00.000Z' }), '2026-01-12T05:00:00.000Z', { firstRespondedAt: '2026-01-12T05:00:00.000Z', breached: true }],
  ])('%s', (_case, before, at, changes) => {
    expect(slaAfterFirstResponse(before, at)).toEqual({ ...before, ...changes });
  });
});

describe('slaStatus', () => {
  // First response due 03:00Z, resolution due 09:00Z.
  const answered = clock({ firstRespondedAt: '2026-01-12T02:00:00.000Z' });
  const first = '2026-01-12T03:00:00.000Z';
  const resolution = '2026-01-12T09:00:00.000Z';

  it.each<[string, SlaClock, string, number | undefined, { breached: boolean; breachingSoon: boolean; nextDueAt?: string }]>([
    ['two hours before the first response is due', clock(), '2026-01-12T01:00:00.000Z', undefined, { breached: false, breachingSoon: false, nextDueAt: first }],
    ['one millisecond outside the 60-minute window', clock(), '2026-01-12T01:59:59.999Z', undefined, { breached: false, breachingSoon: false, nextDueAt: first }],
    ['exactly 60 minutes before: breaching soon', clock(), '2026-01-12T02:00:00.000Z', undefined, { breached: false, breachingSoon: true, nextDueAt: first }],
    ['at the deadline itself: not yet breached', clock(), first, undefined, { breached: false, breachingSoon: true, nextDueAt: first }],
    ['one millisecond after the deadline: breached', clock(), '2026-01-12T03:00:00.001Z', undefined, { breached: true, breachingSoon: false, nextDueAt: first }],
    ['a 15-minute window, 10 minutes before', clock(), '2026-01-12T02:50:00.000Z', 15, { breached: false, breachingSoon: true, nextDueAt: first }],
    ['a 5-minute window, 10 minutes before', clock(), '2026-01-12T02:50:00.000Z', 5, { breached: false, breachingSoon: false, nextDueAt: first }],
    ['answered: the resolution is next and far', answered, '2026-01-12T03:30:00.000Z', undefined, { breached: false, breachingSoon: false, nextDueAt: resolution }],
    ['answered: 30 minutes before resolution', answered, '2026-01-12T08:30:00.000Z', undefined, { breached: false, breachingSoon: true, nextDueAt: resolution }],
    ['answered: after resolution is due', answered, '2026-01-12T09:00:01.000Z', undefined, { breached: true, breachingSoon: false, nextDueAt: resolution }],
    ['unanswered and past the resolution too', clock({ firstResponseDueAt: '2026-01-12T10:00:00.000Z' }), '2026-01-12T09:30:00.000Z', undefined, { breached: true, breachingSoon: false, nextDueAt: '2026-01-12T10:00:00.000Z' }],
    ['paused: nothing is due, even past a deadline', clock({ paused: true, pausedAt: '2026-01-12T02:00:00.000Z' }), '2026-01-12T04:00:00.000Z', undefined, { breached: false, breachingSoon: false }],
    ['paused after a recorded breach: still breached', clock({ paused: true, pausedAt: '2026-01-12T04:00:00.000Z', breached: true }), '2026-01-12T05:00:00.000Z', undefined, { breached: true, breachingSoon: false }],
    ['a recorded breach is not breaching soon', clock({ breached: true }), '2026-01-12T02:30:00.000Z', undefined, { breached: true, breachingSoon: false, nextDueAt: first }],
  ])('%s', (_case, state, now, warnMinutes, expected) => {
    expect(slaStatus(state, now, warnMinutes)).toEqual(expected);
  });
});

describe('pickSlaPolicy', () => {
  const policy = (id: string, rank: number, appliesTo: SlaPolicyRules['appliesTo'], active = true): SlaPolicyRules => ({ ...POLICY, id, rank, appliesTo, active });
  const POLICIES = [
    policy('general', 100, {}),
    policy('billing', 10, { categories: ['Billing'] }),
    policy('vip-email', 5, { channels: ['email'], accountTiers: ['high'] }),
    policy('phone', 20, { channels: ['phone'] }),
    policy('retired', 1, {}, false),
    policy('chat-b', 30, { channels: ['chat'] }),
    policy('chat-a', 30, { channels: ['chat'] }),
    policy('empty-lists', 50, { categories: [], channels: [], accountTiers: [] }, false),
  ];

  it.each<[string, readonly SlaPolicyRules[], Parameters<typeof pickSlaPolicy>[1], string | undefined]>([
    ['nothing specific: the catch-all (the inactive rank 1 is skipped)', POLICIES, { channel: 'portal' }, 'general'],
    ['by category, ignoring case', POLICIES, { channel: 'portal', category: 'billing' }, 'billing'],
    ['channel and tier both match: the lower rank wins over the category', POLICIES, { channel: 'email', category: 'Billing', accountTier: 'high' }, 'vip-email'],
    ['the tier does not match: the category policy', POLICIES, { channel: 'email', category: 'Billing', accountTier: 'normal' }, 'billing'],
    ['a tier list needs a tier', POLICIES, { channel: 'email' }, 'general'],
    ['by channel', POLICIES, { channel: 'phone', category: 'Delivery' }, 'phone'],
    ['equal ranks: the id decides, whatever the order', POLICIES, { channel: 'chat' }, 'chat-a'],
    ['empty lists apply to every ticket', [policy('empty-lists', 50, { categories: [], channels: [], accountTiers: [] })], { channel: 'web', category: 'x', accountTier: 'low' }, 'empty-lists'],
    ['only inactive policies', [policy('retired', 1, {}, false)], { channel: 'portal' }, undefined],
    ['no policy matches', [policy('phone', 20, { channels: ['phone'] })], { channel: 'portal' }, undefined],
    ['no policies at all', [], { channel: 'portal' }, undefined],
  ])('%s', (_case, policies, ticket, expectedId) => {
    expect(pickSlaPolicy(policies, ticket)?.id).toBe(expectedId);
  });
});

describe('DEFAULT_SLA_POLICY', () => {
  const shipped: SlaPolicyRules = { ...DEFAULT_SLA_POLICY, id: 'default' };

  it('is Jakarta, Monday to Friday 08:00–17:00, pausing on pending, for every ticket', () => {
    expect(DEFAULT_SLA_POLICY.calendar.timeZone).toBe('Asia/Jakarta');
    expect(DEFAULT_SLA_POLICY.calendar.hours).toEqual({ mon: workday, tue: workday, wed: workday, thu: workday, fri: workday });
    expect(DEFAULT_SLA_POLICY.pauseStatuses).toEqual(['pending']);
    expect(DEFAULT_SLA_POLICY.appliesTo).toEqual({});
    expect(DEFAULT_SLA_POLICY.active).toBe(true);
    expect(DEFAULT_SLA_POLICY.targets).toEqual(POLICY.targets);
    expect(DEFAULT_SLA_POLICY.calendar.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-03-21', '2026-08-17', '2026-12-25', '2027-01-01', '2027-08-17', '2027-12-25']));
    expect(DEFAULT_SLA_POLICY.calendar.holidays.every((d) => /^(2026|2027)-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it.each<[string, TicketPriority, string, string, string]>([
    // Thursday 24 December 16:00 WIB; Friday 25 is Christmas, so the clock resumes Monday 28.
    ['normal ticket before Christmas', 'normal', '2026-12-24T09:00:00.000Z', '2026-12-28T04:00:00.000Z', '2026-12-30T06:00:00.000Z'],
    // Thursday 15 January 16:00 WIB; Friday 16 is Isra Mikraj.
    ['urgent ticket before the Isra Mikraj Friday', 'urgent', '2026-01-15T09:00:00.000Z', '2026-01-15T09:30:00.000Z', '2026-01-19T04:00:00.000Z'],
    // Thursday 31 December 2026 16:00 WIB: the first hour ends at closing time; New Year 2027 is a Friday.
    ['high ticket on New Year’s Eve', 'high', '2026-12-31T09:00:00.000Z', '2026-12-31T10:00:00.000Z', '2027-01-04T08:00:00.000Z'],
  ])('%s', (_case, priority, createdAt, firstResponseDueAt, resolutionDueAt) => {
    expect(startSla(shipped, priority, createdAt)).toMatchObject({ firstResponseDueAt, resolutionDueAt });
  });
});
