import { ActivityEntity } from '../../../shared/modules/sales/db/activity.entity';
import { ActivityReminderEntity } from '../../../shared/modules/notifications/db/activity-reminder.entity';
import { activityReminderWork } from '../../../shared/modules/notifications/services/activity-reminder-work';
import { addMs, nowIso } from '../../../shared/platform/clock';
import { sweepWork } from '../../../shared/platform/work/work-runner';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { bell, handOver, mailsAbout, newStaff, partition, sendQueuedMail, tag, type Staff } from './notifications.fixture';

let tokens: Record<DemoLogin, string>;
let kita: string;

beforeAll(async () => {
  tokens = await demoWorld();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  kita = accounts.body.items.find((a: any) => a.name === 'PT. KITA').id;
}, SETUP_TIMEOUT_MS);

const inMinutes = (minutes: number) => addMs(nowIso(), minutes * 60_000);
/** The reminder sweep as the minute rule runs it, `minutes` from now. */
const sweepReminders = (minutes = 0) => sweepWork([activityReminderWork], inMinutes(minutes));

/** Plans a call on PT. KITA for `owner` and hands its stream record over (twice: a replay). */
async function planCall(owner: Staff, dueAt: string) {
  const subject = `Telepon ${tag()}`;
  const created = await call('POST', '/activities', { token: owner.token, body: { type: 'call', subject, related: { type: 'account', id: kita }, dueAt } });
  expect(created.status).toBe(201);
  const item = await storedActivity(created.body.id);
  await handOver('INSERT', item);
  await handOver('INSERT', item);
  return { id: created.body.id as string, subject, version: created.body.version as number, item };
}

async function storedActivity(activityId: string) {
  const pk = String((ActivityEntity().get({ relatedType: 'account', relatedId: kita, createdAt: '', activityId }).params() as { Key: { pk: string } }).Key.pk);
  const item = (await partition(pk)).find((i) => i.__edb_e__ === 'activity' && i.activityId === activityId);
  if (!item) throw new Error('activity not stored');
  return item;
}

const remindersOf = async (activityId: string) => (await partition(String((ActivityReminderEntity().get({ activityId, dueAt: '' }).params() as { Key: { pk: string } }).Key.pk))).filter((i) => i.__edb_e__ === 'activityReminder');
const dueNotices = async (owner: Staff, subject: string) => (await bell(owner.token)).items.filter((n) => n.kind === 'activity_due' && n.record.title === subject);

describe('reminders of planned calls and meetings', () => {
  it('reminds the owner once, by e-mail and the bell, when the call is within the lead time; not again on a second sweep or a replay', async () => {
    const owner = await newStaff(tokens.admin);
    const call1 = await planCall(owner, inMinutes(10));
    expect(await remindersOf(call1.id)).toHaveLength(1);
    expect((await sweepReminders()).done).toBeGreaterThanOrEqual(1);
    await sweepReminders();
    await sweepReminders(1);
    await handOver('INSERT', call1.item);
    await sweepReminders(2);
    const notices = await dueNotices(owner, call1.subject);
    expect(notices).toEqual([expect.objectContaining({ record: { type: 'account', id: kita, title: call1.subject }, readAt: null })]);
    expect((await bell(owner.token)).unread).toBe(1);
    await sendQueuedMail();
    await sendQueuedMail();
    const mails = await mailsAbout(owner.email, call1.subject);
    expect(mails.map((m) => m.subject)).toEqual([`Reminder: ${call1.subject}`]);
    expect(mails[0]!.body.html).toContain(`/account/?id=${kita}`);
  });

  it('waits for the lead time: a call in two hours reminds only when it is 15 minutes away', async () => {
    const owner = await newStaff(tokens.admin);
    const later = await planCall(owner, inMinutes(120));
    await sweepReminders();
    expect(await dueNotices(owner, later.subject)).toHaveLength(0);
    await sweepReminders(106);
    expect(await dueNotices(owner, later.subject)).toHaveLength(1);
  });

  it('takes the lead time from the owner’s profile (0–1440 minutes)', async () => {
    const owner = await newStaff(tokens.admin);
    expect((await call('PATCH', '/auth/me', { token: owner.token, body: { reminderLeadMinutes: 1441 } })).status).toBe(400);
    const profile = await call('PATCH', '/auth/me', { token: owner.token, body: { reminderLeadMinutes: 180 } });
    expect(profile.status).toBe(200);
    expect(profile.body.user.reminderLeadMinutes).toBe(180);
    const meeting = await planCall(owner, inMinutes(150));
    await sweepReminders();
    expect(await dueNotices(owner, meeting.subject)).toHaveLength(1);
  });

  it('does not remind at the old time once the call is rescheduled, nor once it is done', async () => {
    const owner = await newStaff(tokens.admin);
    const moved = await planCall(owner, inMinutes(10));
    const patched = await call('PATCH', `/activities/${moved.id}`, { token: owner.token, headers: { 'if-match': String(moved.version) }, body: { dueAt: inMinutes(24 * 60) } });
    expect(patched.status).toBe(200);
    await handOver('MODIFY', await storedActivity(moved.id), moved.item);
    expect(await remindersOf(moved.id)).toHaveLength(2);

    const finished = await planCall(owner, inMinutes(10));
    const done = await call('POST', `/activities/${finished.id}/done`, { token: owner.token, headers: { 'if-match': String(finished.version) }, body: {} });
    expect(done.status).toBe(200);
    await handOver('MODIFY', await storedActivity(finished.id), finished.item);
    expect(await remindersOf(finished.id)).toHaveLength(1);

    await sweepReminders(1);
    expect(await dueNotices(owner, moved.subject)).toHaveLength(0);
    expect(await dueNotices(owner, finished.subject)).toHaveLength(0);
    expect((await remindersOf(finished.id)).map((r) => r.workState)).toEqual(['done']);
    // The new time still reminds, once.
    await sweepReminders(24 * 60 - 10);
    expect(await dueNotices(owner, moved.subject)).toHaveLength(1);
  });
});
