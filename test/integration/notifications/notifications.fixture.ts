// What the notifications-*.test.ts files share: staff logins of their own (unique addresses in
// the shared mail catcher), the stored items a stream record carries, and the events function and
// sweeps driven by hand, so a test can replay a record as often as it likes.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { handler as eventsHandler } from '../../../functions/events/handler';
import { outboxMailWork } from '../../../functions/work-kinds';
import { addMs, nowIso } from '../../../shared/platform/clock';
import { config } from '../../../shared/platform/config';
import { dynamo } from '../../../shared/platform/db/client';
import { PICKUP_GRACE_MS } from '../../../shared/platform/work/work-unit';
import { sweepWork } from '../../../shared/platform/work/work-runner';
import { call, DEMO_PASSWORD, login } from '../../support/api.helper';
import { mailsTo } from '../../support/mail.helper';
import { streamRecord } from '../../support/stream-record.helper';

export type Staff = { id: string; email: string; token: string };

/** A new active staff login with `roles`, signed in. */
export async function newStaff(adminToken: string, roles: string[] = ['sales'], locale: 'en' | 'id' = 'en'): Promise<Staff> {
  const email = `notify-${randomBytes(4).toString('hex')}@kaktus.example`;
  const created = await call('POST', '/users', { token: adminToken, body: { email, name: 'Dewi Notify', roles, password: DEMO_PASSWORD } });
  if (created.status !== 201) throw new Error(`user ${created.status} ${JSON.stringify(created.body)}`);
  const token = await login(email);
  const profile = await call('PATCH', '/auth/me', { token, body: { locale } });
  if (profile.status !== 200) throw new Error(`profile ${profile.status}`);
  return { id: created.body.id, email, token };
}

/** Every item stored under one partition key, as the stream carries them. */
export async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const { Items } = await dynamo().send(new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }));
  return Items ?? [];
}

/** The one stored item of an entity (its ElectroDB marker) under `pk`. */
export async function storedItem(pk: string, entity: string): Promise<Record<string, unknown>> {
  const item = (await partition(pk)).find((i) => i.__edb_e__ === entity);
  if (!item) throw new Error(`no ${entity} under ${pk}`);
  return item;
}

/** Hands one stream record to the events function, as the Lambda would; it must not fail. */
export async function handOver(eventName: 'INSERT' | 'MODIFY', item: Record<string, unknown>, old?: Record<string, unknown>): Promise<void> {
  const result = await eventsHandler({ Records: [streamRecord(eventName, item, old)] });
  expect(result.batchItemFailures).toEqual([]);
}

/** Sends the queued mails (the sweep, past the stream's pickup grace). */
export const sendQueuedMail = () => sweepWork([outboxMailWork], addMs(nowIso(), PICKUP_GRACE_MS + 1000));

/** The caller's notifications (first page) and unread count. */
export async function bell(token: string, query = 'limit=100') {
  const answer = await call('GET', `/notifications?${query}`, { token });
  expect(answer.status).toBe(200);
  return answer.body as { items: { id: string; kind: string; record: { type: string; id: string; title: string }; createdAt: string; readAt: string | null }[]; nextCursor: string | null; unread: number };
}

/** Mails to `address` whose subject contains `text`. */
export const mailsAbout = async (address: string, text: string) => (await mailsTo(address)).filter((mail) => mail.subject.includes(text));

export const tag = () => randomBytes(3).toString('hex');
