import { assigneeFor, isOpenStatus, openLoadChanges, teamFor, type AssignmentSettings, type ServiceTeam } from '../../../shared/modules/desk/domain/ticket-assignment';

const delivery: ServiceTeam = { id: 'delivery', name: 'Delivery', categories: ['Delivery', 'menu'], memberIds: ['agent-b', 'agent-a', 'agent-c'] };
const billing: ServiceTeam = { id: 'billing', name: 'Billing', categories: ['invoice'], memberIds: ['agent-x'] };
const settings: AssignmentSettings = { teams: [delivery, billing], defaultTeamId: 'billing' };

describe('team by category', () => {
  it('sends a ticket to the first team that lists its category, ignoring case and spaces', () => {
    expect(teamFor('delivery', settings)?.id).toBe('delivery');
    expect(teamFor(' MENU ', settings)?.id).toBe('delivery');
    expect(teamFor('invoice', settings)?.id).toBe('billing');
  });

  it('sends an unknown or missing category to the default team, and nowhere without one', () => {
    expect(teamFor('complaint', settings)?.id).toBe('billing');
    expect(teamFor(undefined, settings)?.id).toBe('billing');
    expect(teamFor('complaint', { teams: [delivery] })).toBeUndefined();
  });
});

describe('agent by workload', () => {
  it('picks the member with the fewest open tickets', () => {
    expect(assigneeFor(delivery, new Map([['agent-a', 3], ['agent-b', 1], ['agent-c', 2]]), undefined)).toBe('agent-b');
  });

  it('counts a member never counted as having no open tickets', () => {
    expect(assigneeFor(delivery, new Map([['agent-a', 1], ['agent-b', 1]]), undefined)).toBe('agent-c');
  });

  it('takes turns between equally loaded members after the last one assigned', () => {
    const even = new Map([['agent-a', 2], ['agent-b', 2], ['agent-c', 2]]);
    expect(assigneeFor(delivery, even, undefined)).toBe('agent-a');
    expect(assigneeFor(delivery, even, 'agent-a')).toBe('agent-b');
    expect(assigneeFor(delivery, even, 'agent-b')).toBe('agent-c');
    expect(assigneeFor(delivery, even, 'agent-c')).toBe('agent-a');
  });

  it('assigns nobody in a team without members', () => {
    expect(assigneeFor({ ...delivery, memberIds: [] }, new Map(), undefined)).toBeUndefined();
  });
});

describe('open-ticket counts', () => {
  it('knows which statuses are open work', () => {
    expect(['new', 'open', 'pending', 'resolved', 'closed'].filter((s) => isOpenStatus(s as never))).toEqual(['new', 'open', 'pending']);
  });

  it('adds a new assigned ticket to its agent', () => {
    expect(openLoadChanges(undefined, { status: 'new', assigneeId: 'a' })).toEqual(new Map([['a', 1]]));
    expect(openLoadChanges(undefined, { status: 'new' })).toEqual(new Map());
  });

  it('moves the ticket from one agent to another on reassignment', () => {
    expect(openLoadChanges({ status: 'open', assigneeId: 'a' }, { status: 'open', assigneeId: 'b' })).toEqual(new Map([['a', -1], ['b', 1]]));
  });

  it('takes a resolved ticket off its agent and puts a reopened one back', () => {
    expect(openLoadChanges({ status: 'open', assigneeId: 'a' }, { status: 'resolved', assigneeId: 'a' })).toEqual(new Map([['a', -1]]));
    expect(openLoadChanges({ status: 'resolved', assigneeId: 'a' }, { status: 'open', assigneeId: 'a' })).toEqual(new Map([['a', 1]]));
  });

  it('changes nothing while the ticket stays open with the same agent, or stays closed', () => {
    expect(openLoadChanges({ status: 'new', assigneeId: 'a' }, { status: 'pending', assigneeId: 'a' })).toEqual(new Map());
    expect(openLoadChanges({ status: 'resolved', assigneeId: 'a' }, { status: 'closed', assigneeId: 'b' })).toEqual(new Map());
  });
});
