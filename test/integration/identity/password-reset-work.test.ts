import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { handler as eventsHandler } from '../../../functions/events/handler';
import { config } from '../../../shared/platform/config';
import { dynamo } from '../../../shared/platform/db/client';
import { passwordResetRequestRepository } from '../../../shared/modules/identity/db/password-reset-request.repository';
import { userRepository } from '../../../shared/modules/identity/db/user.repository';
import { claimUnit, PICKUP_GRACE_MS } from '../../../shared/platform/work/work-unit';
import { addMs, nowIso } from '../../../shared/platform/clock';
import { passwordResetRequestWork } from '../../../shared/modules/identity/services/password-reset-work';
import { sweepWork } from '../../../shared/platform/work/work-runner';
import { WORK_KINDS } from '../../../functions/work-kinds';
import { call } from '../../support/api.helper';
import { mailsTo, type CaughtMail } from '../../support/mail.helper';
import { createTestTable } from '../../support/test-table.helper';
import { streamRecord } from '../../support/stream-record.helper';
import { OneTimeTokenEntity } from '../../../shared/modules/identity/db/one-time-token.entity';

// No stream pump runs in this file: a request is worked only when a test hands its record to the
// events handler, as a late or replaying stream would, or by the schedule's sweep.

beforeAll(() => createTestTable());

const address = (label: string) => `${label}-${randomBytes(4).toString('hex')}@password-reset-work.test`;
const isReset = (mail: CaughtMail) => /reset/i.test(mail.subject);
const resetMails = async (email: string) => (await mailsTo(email)).filter(isReset);

/** The sweep as the minute rule runs it, at a moment `ms` from now. */
const sweepIn = (ms: number) => sweepWork(WORK_KINDS, addMs(nowIso(), ms));

/**
 * The sweeps after a request's pickup grace: the first works the request (token and mail queued
 * in one transaction), the next sends the mail it queued; in AWS the stream sends that at once.
 */
async function sweepAfterGrace(): Promise<void> {
  await sweepIn(PICKUP_GRACE_MS + 1000);
  await sweepIn(PICKUP_GRACE_MS + 1000);
}

/** A login (not yet verified, which may still reset its password) that asked for a reset link; answers the queued request as stored. */
async function resetAsked(email: string): Promise<Record<string, unknown>> {
  expect((await call('POST', '/auth/register', { body: { email, password: 'first-password-1', name: 'Dewi Lestari', audience: 'customer' } })).status).toBe(202);
  expect((await call('POST', '/auth/password-reset', { body: { email } })).status).toBe(202);
  return (await passwordResetRequestRepository.due('pending', addMs(nowIso(), PICKUP_GRACE_MS), 100)).find((request) => request.email === email)!;
}

/** The request item as the table holds it (what the stream carries). */
async function stored(requestId: string): Promise<Record<string, unknown>> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: { pk: `$relasi#requestid_${requestId}`, sk: '$passwordresetrequest_1' } }));
  return Item!;
}

const insert = (item: Record<string, unknown>) => streamRecord('INSERT', item);

async function resetTokensOf(email: string): Promise<number> {
  const user = await userRepository.findByEmail(email);
  const { data } = await OneTimeTokenEntity().scan.where((attr, { eq }) => `${eq(attr.userId, user!.userId)} AND ${eq(attr.purpose, 'password_reset')}`).go({ pages: 'all' });
  return data.length;
}

function linkToken(mail: CaughtMail): string {
  return decodeURIComponent(/[?&]token=([^&\s"<]+)/.exec(mail.body.text ?? '')![1]!);
}

describe('password reset requests as units of background work', () => {
  it('mails the link of a request the stream never handed over once its pickup grace is over, and a late record of it mails nothing more', async () => {
    const email = address('lost-record');
    const request = await resetAsked(email);

    await sweepIn(0);
    expect(await resetMails(email)).toHaveLength(0);

    await sweepAfterGrace();
    const [mail, ...more] = await resetMails(email);
    expect(more).toHaveLength(0);
    expect(await stored(String(request.requestId))).toMatchObject({ workState: 'done', workAttempts: 1, expiresAt: expect.any(Number) });

    // The stream record comes after all, and is replayed.
    expect(await eventsHandler({ Records: [insert(request), insert(request)] })).toEqual({ batchItemFailures: [] });
    await sweepAfterGrace();
    expect(await resetMails(email)).toHaveLength(1);
    expect(await resetTokensOf(email)).toBe(1);
    expect((await call('POST', '/auth/password-reset/confirm', { body: { token: linkToken(mail!), password: 'second-password-2' } })).status).toBe(200);
    expect((await call('POST', '/auth/login', { body: { email, password: 'second-password-2' } })).status).toBe(200);
  });

  it('mails one link however often the stream hands the request over', async () => {
    const email = address('replayed');
    const request = await resetAsked(email);

    expect(await eventsHandler({ Records: [insert(request), insert(request)] })).toEqual({ batchItemFailures: [] });
    expect(await eventsHandler({ Records: [insert(request)] })).toEqual({ batchItemFailures: [] });
    await sweepAfterGrace();

    expect(await resetMails(email)).toHaveLength(1);
    expect(await resetTokensOf(email)).toBe(1);
    expect(await stored(String(request.requestId))).toMatchObject({ workState: 'done', workAttempts: 1 });
  });

  it('works a request again whose worker stopped mid-way, once its lease ran out: one link', async () => {
    const email = address('interrupted');
    const request = await resetAsked(email);
    // A worker claimed it and died before its transaction (nothing was queued).
    expect(await claimUnit(() => passwordResetRequestWork.patch(request), { leaseMs: passwordResetRequestWork.leaseMs })).toEqual({ attempt: 1, leaseUntil: expect.any(String) });

    await sweepIn(passwordResetRequestWork.leaseMs / 2);
    expect(await resetTokensOf(email)).toBe(0);
    await sweepIn(passwordResetRequestWork.leaseMs + 1000);
    await sweepAfterGrace();

    expect(await resetMails(email)).toHaveLength(1);
    expect(await resetTokensOf(email)).toBe(1);
    expect(await stored(String(request.requestId))).toMatchObject({ workState: 'done', workAttempts: 2 });
  });
});
