import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { handler } from '../../functions/events/handler';
import { sendMail } from '../../shared/services/mail/mail-sender';

jest.mock('../../shared/services/mail/mail-sender', () => ({ sendMail: jest.fn() }));
const sendMailMock = jest.mocked(sendMail);

const outboxItem = (mailId: string, overrides: Record<string, unknown> = {}) => ({
  pk: `$relasi#mailid_${mailId}`,
  sk: '$outboxmail_1',
  __edb_e__: 'outboxMail',
  __edb_v__: '1',
  mailId,
  to: `${mailId}@example.com`,
  template: 'verify_email',
  locale: 'en',
  params: { name: 'Sari', url: 'https://x.example/verify?t=1' },
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: 1_900_000_000,
  ...overrides,
});

function record(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', item: Record<string, unknown>, sequence: string): DynamoDBRecord {
  return {
    eventName,
    eventID: sequence,
    dynamodb: { SequenceNumber: sequence, NewImage: marshall(item) as Record<string, AttributeValue> },
  };
}

beforeEach(() => sendMailMock.mockReset().mockResolvedValue('message-id'));

describe('events handler: outbox mail', () => {
  it('sends the rendered mail of each inserted outbox item', async () => {
    const result = await handler({ Records: [record('INSERT', outboxItem('a'), '1'), record('INSERT', outboxItem('b', { locale: 'id' }), '2')] });

    expect(result.batchItemFailures).toEqual([]);
    expect(sendMailMock).toHaveBeenCalledTimes(2);
    // Not a ticket mail: no reply address, no thread.
    expect(sendMailMock).toHaveBeenNthCalledWith(1, 'a@example.com', expect.objectContaining({ subject: 'Confirm your e-mail address' }), {});
    expect(sendMailMock).toHaveBeenNthCalledWith(2, 'b@example.com', expect.objectContaining({ subject: 'Konfirmasi alamat e-mail Anda' }), {});
  });

  it('has the customer answer a ticket mail to the support address, where intake threads it, in the conversation of the ticket', async () => {
    const params = { name: 'Yeyen', reference: '[T-2026-00042 #token]', title: 'Nasi box terlambat', message: 'Kurir sudah berangkat.', url: 'https://x.example/ticket/?id=1' };
    await handler({ Records: [record('INSERT', outboxItem('c', { template: 'ticket_reply', params, threadId: '<ticket.token@kaktus.example>' }), '1')] });

    expect(sendMailMock).toHaveBeenCalledWith('c@example.com', expect.objectContaining({ subject: expect.stringContaining('[T-2026-00042 #token]') }), { replyTo: 'support@kaktus.example', threadId: '<ticket.token@kaktus.example>' });
  });

  it('ignores updates, deletions and other entities', async () => {
    const other = { ...outboxItem('c'), __edb_e__: 'session' };
    const result = await handler({ Records: [record('MODIFY', outboxItem('a'), '1'), record('REMOVE', outboxItem('b'), '2'), record('INSERT', other, '3')] });

    expect(result.batchItemFailures).toEqual([]);
    expect(sendMailMock).not.toHaveBeenCalled();
  });

  it('skips a malformed item instead of blocking the stream', async () => {
    const errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await handler({ Records: [record('INSERT', outboxItem('a', { template: 'nope' }), '1'), record('INSERT', outboxItem('b'), '2')] });

    expect(result.batchItemFailures).toEqual([]);
    expect(sendMailMock).toHaveBeenCalledTimes(1);
    expect(sendMailMock).toHaveBeenCalledWith('b@example.com', expect.anything(), {});
    expect(errorSpy).toHaveBeenCalledWith('outbox mail: malformed item skipped', expect.anything());
    errorSpy.mockRestore();
  });

  it('reports the first record whose send failed and stops there, so later mails are not sent twice on replay', async () => {
    sendMailMock.mockResolvedValueOnce('ok').mockRejectedValueOnce(new Error('throttled'));
    const errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    const result = await handler({ Records: [record('INSERT', outboxItem('a'), '1'), record('INSERT', outboxItem('b'), '2'), record('INSERT', outboxItem('c'), '3')] });

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '2' }]);
    expect(sendMailMock).toHaveBeenCalledTimes(2);
    errorSpy.mockRestore();
  });
});
