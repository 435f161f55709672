import { GetCommand, PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { handler as eventsHandler } from '../../../functions/events/handler';
import { handler as scheduleHandler } from '../../../functions/schedule/handler';
import { config } from '../../../shared/platform/config';
import { dynamo } from '../../../shared/platform/db/client';
import { outboxRepository } from '../../../shared/platform/mail/outbox.repository';
import { claimUnit, MAX_WORK_ATTEMPTS, PICKUP_GRACE_MS } from '../../../shared/platform/work/work-unit';
import { addMs, nowIso } from '../../../shared/platform/clock';
import type { MailParams } from '../../../shared/platform/mail/mail-template';
import { sendMail } from '../../../shared/platform/mail/mail-sender';
import { outboxMailWork } from '../../../functions/work-kinds';
import { sweepWork } from '../../../shared/platform/work/work-runner';
import { mailsTo, waitForMail } from '../../support/mail.helper';
import { createTestTable } from '../../support/test-table.helper';
import { streamRecord } from '../../support/stream-record.helper';

// SES answering with an error (throttling, an unverified address) is a fault the local catcher
// cannot produce: the real sender runs unless a test makes one send fail.
jest.mock('../../../shared/platform/mail/mail-sender', () => {
  const actual = jest.requireActual('../../../shared/platform/mail/mail-sender');
  return { ...actual, sendMail: jest.fn(actual.sendMail) };
});
const send = jest.mocked(sendMail);
const realSend = jest.requireActual('../../../shared/platform/mail/mail-sender').sendMail;

// No stream pump runs in this file: each test hands records to the events handler itself, as a
// replaying or failing stream would, or leaves the work to the schedule's sweep.

beforeAll(() => createTestTable());
afterEach(() => {
  jest.restoreAllMocks();
  send.mockReset().mockImplementation(realSend);
});

const address = (label: string) => `${label}-${randomBytes(4).toString('hex')}@outbox-work.test`;
const VERIFY: MailParams = { name: 'Sari', url: 'http://localhost:4001/verify?token=t' };

/** Queues a mail as the API does, and answers the stored item (what the stream carries). */
async function queue(to: string, template = 'verify_email', params: MailParams = VERIFY, threadId?: string): Promise<Record<string, unknown>> {
  const put = outboxRepository.mailOperation(to, template, 'en', params, threadId) as PutCommandInput;
  await dynamo().send(new PutCommand(put));
  return stored(String(put.Item!.mailId));
}

async function stored(mailId: string): Promise<Record<string, unknown>> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: { pk: `$relasi#mailid_${mailId}`, sk: '$outboxmail_1' } }));
  return Item!;
}

const insert = (item: Record<string, unknown>) => streamRecord('INSERT', item);

/** The sweep as the minute rule runs it, at a moment `ms` from now. */
const sweepIn = (ms: number) => sweepWork([outboxMailWork], addMs(nowIso(), ms));

describe('outbox mail as a unit of background work', () => {
  it('sends a mail once however often its stream record is handed over', async () => {
    const to = address('replayed');
    const item = await queue(to);

    expect(await eventsHandler({ Records: [insert(item), insert(item)] })).toEqual({ batchItemFailures: [] });
    expect(await eventsHandler({ Records: [insert(item)] })).toEqual({ batchItemFailures: [] });

    await waitForMail(to);
    expect(await mailsTo(to)).toHaveLength(1);
    const done = await stored(String(item.mailId));
    expect(done).toMatchObject({ workState: 'done', workAttempts: 1, sesMessageId: expect.any(String) });
  });

  it('has the sweep send a mail whose stream record never came, once its pickup grace is over', async () => {
    const to = address('lost-record');
    const item = await queue(to);

    expect((await sweepIn(0)).done).toBe(0);
    expect(await mailsTo(to)).toHaveLength(0);

    // The minute rule's run, now: the mail is still within its grace.
    expect(await scheduleHandler({ sweep: 'work' })).toEqual({ work: expect.objectContaining({ done: 0 }) });
    expect(await mailsTo(to)).toHaveLength(0);
    const swept = await sweepIn(PICKUP_GRACE_MS + 1000);
    expect(swept.done).toBeGreaterThanOrEqual(1);
    await waitForMail(to);
    expect(await stored(String(item.mailId))).toMatchObject({ workState: 'done' });
    await sweepIn(PICKUP_GRACE_MS + 60_000);
    expect(await mailsTo(to)).toHaveLength(1);
  });

  it('does not send again a mail whose worker stopped mid-way: the sweep marks it failed as outcome unknown', async () => {
    const to = address('interrupted');
    const item = await queue(to);
    // A worker claimed it and died (SES may or may not have sent it).
    const claim = await claimUnit(() => outboxRepository.patch(String(item.mailId)), { leaseMs: 60_000, takeOverExpired: false });
    expect(claim).toEqual({ attempt: 1, leaseUntil: expect.any(String) });

    expect((await sweepIn(30_000)).abandoned).toBe(0);
    expect((await sweepIn(61_000)).abandoned).toBe(1);
    expect(await stored(String(item.mailId))).toMatchObject({ workState: 'failed', workError: expect.stringContaining('outcome_unknown') });
    expect(await eventsHandler({ Records: [insert(item)] })).toEqual({ batchItemFailures: [] });
    await sweepIn(10 * 60_000);
    expect(await mailsTo(to)).toHaveLength(0);
  });

  it('gives a mail SES refused back for a later attempt, and the stream goes on with the next one', async () => {
    const [refused, next] = [address('refused'), address('next')];
    const [first, second] = [await queue(refused), await queue(next)];
    send.mockRejectedValueOnce(new Error('Maximum sending rate exceeded'));

    expect(await eventsHandler({ Records: [insert(first), insert(second)] })).toEqual({ batchItemFailures: [] });
    await waitForMail(next);
    expect(await stored(String(first.mailId))).toMatchObject({ workState: 'pending', workAttempts: 1, workError: 'Maximum sending rate exceeded' });

    expect((await sweepIn(10_000)).done).toBe(0);
    expect((await sweepIn(31_000)).done).toBe(1);
    await waitForMail(refused);
    expect(await mailsTo(refused)).toHaveLength(1);
  });

  it('marks a mail failed after the last attempt SES refused', async () => {
    const to = address('always-refused');
    const item = await queue(to);
    send.mockRejectedValue(new Error('Email address is not verified'));

    await eventsHandler({ Records: [insert(item)] });
    for (let minutes = 1; minutes <= 60; minutes *= 2) await sweepIn(minutes * 60_000);
    expect(await stored(String(item.mailId))).toMatchObject({ workState: 'failed', workAttempts: MAX_WORK_ATTEMPTS, workError: 'Email address is not verified' });
  });

  it('fails a mail that cannot be rendered at once, without holding up the stream', async () => {
    const [broken, fine] = [address('broken'), address('fine')];
    const item: Record<string, unknown> = { ...(await queue(broken)), template: 'no_such_template' };
    const next = await queue(fine);

    expect(await eventsHandler({ Records: [insert(item), insert(next)] })).toEqual({ batchItemFailures: [] });
    expect(await stored(String(item.mailId))).toMatchObject({ workState: 'failed', workAttempts: 1, workError: 'unknown mail template: no_such_template' });
    await waitForMail(fine);
  });

  it('answers a ticket mail to the support address, in the conversation of its ticket', async () => {
    const to = address('ticket');
    const params = { name: 'Yeyen', reference: '[T-2026-00042 #token]', title: 'Nasi box terlambat', message: 'Kurir sudah berangkat.', url: 'https://x.example/ticket/?id=1' };
    const item = await queue(to, 'ticket_reply', params, '<ticket.token@kaktus.example>');

    await eventsHandler({ Records: [insert(item)] });
    const mail = await waitForMail(to);
    expect(mail.subject).toContain('[T-2026-00042 #token]');
    expect(mail.headers).toEqual(expect.arrayContaining([{ name: 'In-Reply-To', value: '<ticket.token@kaktus.example>' }, { name: 'References', value: '<ticket.token@kaktus.example>' }]));
  });
});
