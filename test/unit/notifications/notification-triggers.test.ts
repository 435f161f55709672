import { notificationsOfChange, reminderToSchedule } from '../../../shared/modules/notifications/domain/notification';

const lead = { __edb_e__: 'lead', leadId: 'L1', title: 'Katering', ownerId: 'u1', version: 1 };

describe('which changes notify whom', () => {
  it('tells the new owner of a lead, keyed by the version that gave it to them', () => {
    expect(notificationsOfChange(lead, undefined)).toEqual([{ recipientId: 'u1', kind: 'lead_assigned', cause: 'lead_assigned#L1#1', record: { type: 'lead', id: 'L1', title: 'Katering' } }]);
    expect(notificationsOfChange({ ...lead, version: 2, memo: 'x' }, lead)).toEqual([]);
    expect(notificationsOfChange({ ...lead, version: 3, ownerId: 'u2' }, lead).map((d) => [d.recipientId, d.cause])).toEqual([['u2', 'lead_assigned#L1#3']]);
    expect(notificationsOfChange({ ...lead, ownerId: undefined }, lead)).toEqual([]);
  });

  it('tells the agent of a customer’s public reply only, and the author of a quote once it is accepted', () => {
    const message = { __edb_e__: 'ticketMessage', ticketId: 'T1', messageId: 'M1', authorType: 'customer', visibility: 'public' };
    const ticket = { number: 'T-2026-00001', subject: 'Kotak rusak', assigneeId: 'agent' };
    expect(notificationsOfChange(message, undefined, () => ticket).map((d) => [d.recipientId, d.kind, d.record.title])).toEqual([['agent', 'customer_replied', 'T-2026-00001 · Kotak rusak']]);
    expect(notificationsOfChange({ ...message, authorType: 'staff' }, undefined, () => ticket)).toEqual([]);
    expect(notificationsOfChange(message, undefined, () => ({ ...ticket, assigneeId: undefined }))).toEqual([]);
    const quote = { __edb_e__: 'quote', quoteId: 'Q1', number: 'Q-2026-0001', status: 'accepted', createdBy: 'rep' };
    expect(notificationsOfChange(quote, { ...quote, status: 'sent' }).map((d) => d.kind)).toEqual(['quote_accepted']);
    expect(notificationsOfChange(quote, quote)).toEqual([]);
  });

  it('schedules a reminder for a planned, dated, owned activity when it is new or its time or owner changed', () => {
    const now = '2026-12-07T08:00:00.000Z';
    const activity = { __edb_e__: 'activity', activityId: 'A1', status: 'planned', dueAt: '2026-12-07T10:00:00.000Z', ownerId: 'u1' };
    expect(reminderToSchedule(activity, undefined, now)).toEqual({ activityId: 'A1', dueAt: activity.dueAt, ownerId: 'u1' });
    expect(reminderToSchedule({ ...activity, subject: 'x' }, activity, now)).toBeUndefined();
    expect(reminderToSchedule({ ...activity, dueAt: '2026-12-08T10:00:00.000Z' }, activity, now)?.dueAt).toBe('2026-12-08T10:00:00.000Z');
    expect(reminderToSchedule({ ...activity, status: 'done' }, activity, now)).toBeUndefined();
    expect(reminderToSchedule({ ...activity, dueAt: undefined }, undefined, now)).toBeUndefined();
  });

  it('reminds of nothing already due when it reaches the stream (the seed’s overdue calls, a backdated entry)', () => {
    const activity = { __edb_e__: 'activity', activityId: 'A1', status: 'planned', dueAt: '2026-12-07T10:00:00.000Z', ownerId: 'u1' };
    expect(reminderToSchedule(activity, undefined, '2026-12-07T10:00:00.000Z')).toBeUndefined();
    expect(reminderToSchedule(activity, undefined, '2026-12-08T00:00:00.000Z')).toBeUndefined();
  });

  it('tells no one of each lead a CSV import creates, but of a lead the import created and someone later reassigned', () => {
    const imported = { ...lead, importId: 'I1' };
    expect(notificationsOfChange(imported, undefined)).toEqual([]);
    expect(notificationsOfChange({ ...imported, version: 2, ownerId: 'u2' }, imported).map((d) => d.recipientId)).toEqual(['u2']);
  });
});
