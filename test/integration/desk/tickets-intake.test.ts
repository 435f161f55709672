import { randomUUID } from 'node:crypto';
import { addBusinessMinutes } from '../../../shared/modules/desk/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../../shared/modules/desk/domain/sla-policy';
import { createTicketFromEmail } from '../../../shared/modules/desk/services/email-channel.service';
import { call, DEMO, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';
import { calendar, CHAT_TARGETS, chatCalendar, ids, list, mailFor, openTicket, read, setUpTicketDesk, staffTicket, stopTicketDesk, timeline, tokens } from './tickets.fixture';

beforeAll(setUpTicketDesk, SETUP_TIMEOUT_MS);
afterAll(stopTicketDesk);

describe('intake', () => {
  it('lets a customer open a ticket in the portal: numbered, on its account, clocked by the default policy, assigned, confirmed by e-mail and on the timeline', async () => {
    const ticket = await openTicket(tokens.customer, { subject: 'Nasi box kurang 20 porsi', description: 'Pesanan hari ini kurang 20 porsi.', category: 'delivery' });
    expect(ticket.number).toMatch(/^T-\d{4}-\d{5}$/);
    expect(ticket).toMatchObject({ accountId: ids.kita, contactId: ids.yeyen, channel: 'portal', priority: 'normal', status: 'new', category: 'delivery', assigneeId: ids.agent, teamId: 'service-desk', version: 1 });
    const { normal } = DEFAULT_SLA_POLICY.targets;
    expect(ticket.sla).toEqual({
      policyId: 'default',
      firstResponseDueAt: addBusinessMinutes(ticket.createdAt, normal.firstResponseMinutes, calendar),
      resolutionDueAt: addBusinessMinutes(ticket.createdAt, normal.resolutionMinutes, calendar),
      breached: false,
      paused: false,
    });
    // A read also names the account (read when answering, not stored on the ticket).
    expect(await read(ticket.id, tokens.customer)).toEqual({ ...ticket, accountName: 'PT. KITA' });

    // Yeyen reads Indonesian.
    const mail = await mailFor(DEMO.customer, ticket);
    expect(mail.subject).toContain('Permintaan Anda kami terima: Nasi box kurang 20 porsi');
    expect(mail.subject).toContain(ticket.number);
    expect(mail.body.text).toContain(`/ticket/?id=${ticket.id}`);
    expect(await mailFor(DEMO.service, ticket)).toMatchObject({ subject: expect.stringContaining('Tiket ditugaskan kepada Anda') });

    const entry = (await timeline()).find((i) => i.id === ticket.id && i.title === `Ticket ${ticket.number} opened`);
    expect(entry).toMatchObject({ type: 'ticket', channel: 'portal', summary: 'Nasi box kurang 20 porsi' });
  });

  it('numbers tickets from the counter without repeats', async () => {
    const tickets = await Promise.all([1, 2, 3].map(() => openTicket(tokens.customer, {})));
    expect(new Set(tickets.map((t) => t.number)).size).toBe(3);
  });

  it('takes a customer ticket that names its own channel, the customer portal', async () => {
    const ticket = await openTicket(tokens.customer, { channel: 'portal' });
    expect(ticket).toMatchObject({ channel: 'portal', accountId: ids.kita, contactId: ids.yeyen, priority: 'normal', status: 'new' });
  });

  it('refuses a customer every staff-only field with 400 field_not_allowed naming it, and opens nothing', async () => {
    const subject = `Bukan urusan pelanggan ${tag()}`;
    const staffOnly: Record<string, unknown>[] = [
      { priority: 'urgent' },
      { severity: 1 },
      { channel: 'phone' },
      { channel: 'email' },
      { channel: 'web' },
      { channel: 'chat' },
      { assigneeId: ids.agent },
      { teamId: 'service-desk' },
      { contactId: ids.hendra },
      { activityId: randomUUID() },
    ];
    for (const fields of staffOnly) {
      const field = Object.keys(fields)[0]!;
      const answer = await call('POST', '/tickets', { token: tokens.customer, body: { subject, description: 'y', ...fields } });
      expect([fields, answer.status, answer.body.error.code, answer.body.error.details]).toEqual([fields, 400, 'field_not_allowed', [expect.objectContaining({ path: field, code: 'field_not_allowed' })]]);
      expect(answer.body.error.message).toContain(field);
    }
    const several = await call('POST', '/tickets', { token: tokens.customer, body: { subject, description: 'y', priority: 'high', assigneeId: ids.agent } });
    expect(several.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['priority', 'assigneeId']);
    expect((await list('', tokens.customer)).filter((t) => t.subject === subject)).toEqual([]);
  });

  it('refuses a customer an account that is not its own exactly like a missing one (404)', async () => {
    const foreign = await call('POST', '/tickets', { token: tokens.customer, body: { subject: 'x', description: 'y', accountId: ids.sinar } });
    const missing = await call('POST', '/tickets', { token: tokens.customer, body: { subject: 'x', description: 'y', accountId: randomUUID() } });
    expect(foreign.status).toBe(404);
    expect(missing.body).toEqual(foreign.body);
    expect((await list(`accountId=${ids.sinar}`)).filter((t) => t.subject === 'x')).toEqual([]);
  });

  it('lets staff log a phone ticket from an existing call on that account, and refuses calls elsewhere or other activities', async () => {
    const activity = async (accountId: string, type: string) => (await call('POST', '/activities', { token: tokens.service, body: { type, subject: `Telepon ${tag()}`, related: { type: 'account', id: accountId } } })).body.id;
    const [call1, sinarCall, meeting] = await Promise.all([activity(ids.kita, 'call'), activity(ids.sinar, 'call'), activity(ids.kita, 'meeting')]);
    const ticket = await staffTicket({ channel: 'phone', activityId: call1, contactId: ids.hendra, priority: 'high', severity: 2 });
    expect(ticket).toMatchObject({ channel: 'phone', activityId: call1, contactId: ids.hendra, priority: 'high', severity: 2, status: 'new' });
    const { high } = DEFAULT_SLA_POLICY.targets;
    expect(ticket.sla.firstResponseDueAt).toBe(addBusinessMinutes(ticket.createdAt, high.firstResponseMinutes, calendar));
    for (const activityId of [sinarCall, meeting, randomUUID()]) {
      const answer = await call('POST', '/tickets', { token: tokens.service, body: { subject: 'x', description: 'y', accountId: ids.kita, channel: 'phone', activityId } });
      expect([activityId, answer.status, answer.body.error.code]).toEqual([activityId, 422, 'unknown_activity']);
    }
  });

  it('takes web and chat tickets from staff and an e-mail ticket from a known sender', async () => {
    const web = await staffTicket({ channel: 'web', category: 'menu' });
    expect(web).toMatchObject({ channel: 'web', teamId: 'service-desk', assigneeId: ids.agent });
    const chat = await staffTicket({ channel: 'chat', priority: 'urgent' });
    expect(chat.sla.policyId).not.toBe('default');
    expect(chat.sla.firstResponseDueAt).toBe(addBusinessMinutes(chat.createdAt, CHAT_TARGETS.urgent, chatCalendar));

    const created = await createTicketFromEmail({ fromEmail: 'YEYEN@kita.example', fromName: 'Yeyen', subject: 'Invoice bulan Mei', body: 'Mohon kirim ulang faktur Mei.', attachments: [] });
    expect(created.status).toBe('created');
    if (created.status !== 'created') return;
    expect(created.ticket).toMatchObject({ channel: 'email', accountId: ids.kita, contactId: ids.yeyen, subject: 'Invoice bulan Mei' });
    expect(await createTicketFromEmail({ fromEmail: `stranger-${tag()}@example.com`, subject: 'Hi', body: 'Hello', attachments: [] })).toEqual({ status: 'refused', reason: 'unknown_sender' });
  });

  it('answers bad intake with stable codes', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ subject: 'x', description: 'y', channel: 'phone' }, 400, 'account_required'],
      [{ subject: 'x', description: 'y', accountId: ids.kita }, 400, 'channel_required'],
      [{ subject: 'x', description: 'y', accountId: randomUUID(), channel: 'phone' }, 422, 'unknown_account'],
      [{ subject: 'x', description: 'y', accountId: ids.kita, channel: 'phone', contactId: randomUUID() }, 422, 'unknown_contact'],
      [{ subject: 'x', description: 'y', accountId: ids.kita, channel: 'phone', assigneeId: randomUUID() }, 422, 'unknown_assignee'],
      [{ subject: 'x', description: 'y', accountId: ids.kita, channel: 'phone', teamId: 'no-such-team' }, 422, 'unknown_team'],
      [{ subject: 'x', description: 'y', accountId: ids.kita, channel: 'fax' }, 400, 'validation_failed'],
      [{ subject: 'x', description: 'y', accountId: ids.kita, channel: 'phone', severity: 5 }, 400, 'validation_failed'],
      [{ subject: 'x', description: 'y', accountId: ids.kita, channel: 'phone', priority: 'asap' }, 400, 'validation_failed'],
      [{ subject: '', description: 'y', accountId: ids.kita, channel: 'phone' }, 400, 'validation_failed'],
      [{ subject: 'x', description: '   ', accountId: ids.kita, channel: 'phone' }, 400, 'validation_failed'],
      [{ subject: 'x', description: 'y'.repeat(20_001), accountId: ids.kita, channel: 'phone' }, 400, 'validation_failed'],
      [{ subject: 'x', description: 'y', accountId: ids.kita, channel: 'phone', status: 'open' }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await call('POST', '/tickets', { token: tokens.service, body });
      expect([Object.keys(body).join(','), answer.status, answer.body.error?.code]).toEqual([Object.keys(body).join(','), status, code]);
    }
    expect((await call('POST', '/tickets', { token: tokens.service, rawBody: '{"subject":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('replays a POST with the same Idempotency-Key instead of opening a second ticket', async () => {
    const key = randomUUID();
    const body = { subject: `Sekali saja ${tag()}`, description: 'y', accountId: ids.kita, channel: 'phone' };
    const first = await call('POST', '/tickets', { token: tokens.service, headers: { 'idempotency-key': key }, body });
    const again = await call('POST', '/tickets', { token: tokens.service, headers: { 'idempotency-key': key }, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await list(`accountId=${ids.kita}`)).filter((t) => t.subject === body.subject)).toHaveLength(1);
  });
});
