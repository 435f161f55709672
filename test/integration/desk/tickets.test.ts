import { randomBytes, randomUUID } from 'node:crypto';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { addBusinessMinutes, businessMinutesBetween } from '../../../shared/modules/desk/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../../shared/modules/desk/domain/sla-policy';
import { partyRepository } from '../../../shared/modules/identity/db/party.repository';
import { ticketMessageRepository, ticketRepository, type TicketRecord } from '../../../shared/modules/desk/db/ticket.repository';
import { newUserRecord, userRepository } from '../../../shared/modules/identity/db/user.repository';
import { op, transact } from '../../../shared/platform/db/transaction';
import { hashPassword } from '../../../shared/platform/crypto/password';
import { seedServiceDemo } from '../../../infra/local/seed/service-demo';
import { replySubjectTag, replyTokenFor, replyTokenInSubject, ticketIdFromReplyToken } from '../../../shared/modules/desk/services/ticket-reply-token';
import { sweepTickets } from '../../../shared/modules/desk/services/sla-sweep.service';
import { addEmailReply, createTicketFromEmail } from '../../../shared/modules/desk/services/ticket.service';
import { call, DEMO, demoWorld, login, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { mailsTo, startMailPump, waitForMail } from '../../support/mail.helper';

let tokens: Record<DemoLogin, string>;
let pump: StreamPump;
const ids = {} as { kita: string; sinar: string; yeyen: string; hendra: string; agent: string; admin: string };
const tag = () => randomBytes(4).toString('hex');
const PASSWORD = 'ticket-test-password-2026';
const calendar = DEFAULT_SLA_POLICY.calendar;
/** The test's round-the-clock policy for chats: first responses due this many minutes after creation, resolutions ten times that. */
const CHAT_TARGETS = { urgent: 15, high: 45, normal: 240, low: 480 };
const allDay = { start: '00:00', end: '23:59' };
const chatCalendar = { timeZone: 'Asia/Jakarta', hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, holidays: [] };

beforeAll(async () => {
  tokens = await demoWorld();
  // The demo seed is to call this after seedDefaultSlaPolicy(); it is idempotent.
  await seedServiceDemo();
  pump = await startMailPump();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const contacts = await call('GET', '/contacts?limit=100', { token: tokens.admin });
  const [agentMe, adminMe] = await Promise.all([call('GET', '/auth/me', { token: tokens.service }), call('GET', '/auth/me', { token: tokens.admin })]);
  Object.assign(ids, {
    kita: accounts.body.items.find((a: any) => a.name === 'PT. KITA').id,
    sinar: accounts.body.items.find((a: any) => a.name === 'PT. Sinar Pagi').id,
    yeyen: contacts.body.items.find((c: any) => c.lastName === 'Wulandari').id,
    hendra: contacts.body.items.find((c: any) => c.lastName === 'Gunawan').id,
    agent: agentMe.body.user.id,
    admin: adminMe.body.user.id,
  });
  const chatPolicy = await call('POST', '/sla-policies', {
    token: tokens.admin,
    body: {
      name: 'Chat around the clock',
      timeZone: chatCalendar.timeZone,
      businessHours: chatCalendar.hours,
      targets: Object.fromEntries(Object.entries(CHAT_TARGETS).map(([priority, minutes]) => [priority, { firstResponseMinutes: minutes, resolutionMinutes: minutes * 10 }])),
      appliesTo: { channels: ['chat'] },
      rank: 1,
    },
  });
  expect(chatPolicy.status).toBe(201);
}, SETUP_TIMEOUT_MS);

afterAll(() => pump.stop());

/** A contact of the account with a customer login of its own (unique e-mail), linked in `role`. */
async function customerLogin(accountId: string, role: string) {
  const email = `kontak-${tag()}@pelanggan.example`;
  const contact = await call('POST', '/contacts', { token: tokens.sales, body: { firstName: 'Dian', lastName: `Kontak ${tag()}`, email, accountId, role } });
  expect(contact.status).toBe(201);
  const user = newUserRecord({ partyId: contact.body.id, email, name: 'Dian Kontak', passwordHash: await hashPassword(PASSWORD), status: 'active', audiences: ['customer'], roles: [], locale: 'en' });
  await transact([...userRepository.createOperations(user).map(op.put), op.update(partyRepository.attachUserOperation(contact.body.id, user.userId))]);
  return { token: await login(email, PASSWORD), contactId: contact.body.id as string, email };
}

async function openTicket(token: string, body: Record<string, unknown>) {
  const answer = await call('POST', '/tickets', { token, body: { subject: `Keluhan ${tag()}`, description: 'Makan siang terlambat.', ...body } });
  if (answer.status !== 201) throw new Error(`ticket ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const staffTicket = (body: Record<string, unknown>) => openTicket(tokens.service, { accountId: ids.kita, channel: 'phone', ...body });

async function read(id: string, token = tokens.service) {
  return (await call('GET', `/tickets/${id}`, { token })).body;
}

async function patch(id: string, body: Record<string, unknown>, token = tokens.service) {
  const current = await read(id);
  return call('PATCH', `/tickets/${id}`, { token, headers: { 'if-match': String(current.version) }, body });
}

async function post(id: string, body: Record<string, unknown>, token = tokens.service) {
  return call('POST', `/tickets/${id}/messages`, { token, body });
}

async function messages(id: string, token = tokens.service) {
  const answer = await call('GET', `/tickets/${id}/messages?limit=100`, { token });
  expect(answer.status).toBe(200);
  return answer.body.items as any[];
}

async function list(query: string, token = tokens.service) {
  const answer = await call('GET', `/tickets?limit=100&${query}`, { token });
  expect(answer.status).toBe(200);
  return answer.body.items as any[];
}

async function timeline(accountId = ids.kita) {
  return (await call('GET', `/accounts/${accountId}/timeline?limit=100`, { token: tokens.admin })).body.items as any[];
}

/** The resolution mail's subject, in either language of the recipient. */
const RESOLVED = /is resolved|telah diselesaikan/;

const mailFor = (address: string, ticket: { id: string; number: string }) => waitForMail(address, (m) => m.subject.includes(replySubjectTag(ticket.number, ticket.id)));

/** Store a ticket as it would be after time passed (for clocks and metrics). */
async function rewrite(ticketId: string, change: (ticket: TicketRecord) => TicketRecord) {
  const current = (await ticketRepository.get(ticketId))!;
  await transact(ticketRepository.saveOperations({ ...change(current), version: current.version + 1 }, current.version));
}

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
    expect(await read(ticket.id, tokens.customer)).toEqual(ticket);

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

describe('conversation', () => {
  it('keeps internal notes from the customer everywhere: list, timeline and e-mail; public replies reach all three', async () => {
    const customer = await customerLogin(ids.kita, 'primary');
    const ticket = await openTicket(customer.token, { subject: 'Menu vegetarian' });
    const reply = await post(ticket.id, { visibility: 'public', body: 'Kami siapkan menu vegetarian mulai Senin.' });
    const note = await post(ticket.id, { visibility: 'internal', body: `RAHASIA-${tag()}: the kitchen is short of tofu` });
    expect(reply.status).toBe(201);
    expect(note.status).toBe(201);
    expect(reply.body).toMatchObject({ visibility: 'public', authorId: ids.agent, authorName: 'Citra Lestari', authorType: 'staff', channel: 'staff', attachments: [] });

    expect((await messages(ticket.id)).map((m) => m.id)).toEqual([reply.body.id, note.body.id]);
    const seen = await messages(ticket.id, customer.token);
    expect(seen.map((m) => m.id)).toEqual([reply.body.id]);

    const mail = await waitForMail(customer.email, (m) => m.subject.includes(replySubjectTag(ticket.number, ticket.id)) && (m.body.text ?? '').includes('vegetarian mulai Senin'));
    expect(mail.subject).toMatch(/New reply to your request|Balasan baru untuk permintaan Anda/);
    const entries = await timeline();
    expect(entries.find((i) => i.id === ticket.id && i.title === `Reply on ticket ${ticket.number}`)?.summary).toBe('Kami siapkan menu vegetarian mulai Senin.');
    expect(JSON.stringify(entries)).not.toContain(note.body.body);

    // A later mail about the ticket (its resolution) is the sentinel: every mail before it has arrived.
    await patch(ticket.id, { status: 'resolved' });
    await waitForMail(customer.email, (m) => m.subject.includes(replySubjectTag(ticket.number, ticket.id)) && RESOLVED.test(m.subject));
    const all = await mailsTo(customer.email);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(all)).not.toContain(note.body.body);
  });

  it('keeps markup in a ticket and its messages as plain text: stored as written, escaped in the e-mail', async () => {
    const customer = await customerLogin(ids.kita, 'primary');
    const payload = `<script>alert("${tag()}")</script><img src=x onerror=alert(1)>`;
    const ticket = await openTicket(customer.token, { subject: `Pesanan <b>besar</b> ${tag()}`, description: payload });
    expect(ticket.description).toBe(payload);
    const reply = await post(ticket.id, { visibility: 'public', body: `Dikutip: ${payload}` });
    expect(reply.body.body).toBe(`Dikutip: ${payload}`);
    const mail = await waitForMail(customer.email, (m) => m.subject.includes(replySubjectTag(ticket.number, ticket.id)) && (m.body.text ?? '').includes('Dikutip:'));
    expect(mail.body.text).toContain(payload);
    expect(mail.body.html).not.toMatch(/<script|<img/i);
    expect(mail.body.html).toContain('&lt;script&gt;');
  });

  it('answers the first response once, with the first public staff reply only, which opens the new ticket', async () => {
    const ticket = await openTicket(tokens.customer, {});
    await post(ticket.id, { visibility: 'internal', body: 'Checking with the kitchen.' });
    expect(await read(ticket.id)).toMatchObject({ status: 'new', sla: expect.not.objectContaining({ firstRespondedAt: expect.anything() }) });
    const first = await post(ticket.id, { visibility: 'public', body: 'Kami cek dulu.' });
    const answered = await read(ticket.id);
    expect(answered.status).toBe('open');
    expect(answered.sla.firstRespondedAt).toBe(first.body.createdAt);
    expect(answered.sla.breached).toBe(false);
    await post(ticket.id, { visibility: 'public', body: 'Sudah beres.' });
    expect((await read(ticket.id)).sla.firstRespondedAt).toBe(first.body.createdAt);
    await post(ticket.id, { body: 'Terima kasih!' }, tokens.customer);
    expect((await read(ticket.id)).sla.firstRespondedAt).toBe(first.body.createdAt);
  });

  it('reopens a pending or resolved ticket when the customer replies', async () => {
    const ticket = await openTicket(tokens.customer, {});
    for (const status of ['pending', 'resolved']) {
      expect((await patch(ticket.id, { status })).body.status).toBe(status);
      const answer = await post(ticket.id, { body: `Masih ada masalah (${status}).` }, tokens.customer);
      expect(answer.body).toMatchObject({ authorType: 'customer', authorId: ids.yeyen, authorName: 'Yeyen Wulandari', visibility: 'public', channel: 'portal' });
      const reopened = await read(ticket.id);
      expect(reopened).toMatchObject({ status: 'open', sla: { paused: false } });
      expect(reopened.resolvedAt).toBeUndefined();
    }
    expect((await timeline()).filter((i) => i.id === ticket.id).map((i) => i.title)).toEqual(expect.arrayContaining([`Ticket ${ticket.number} resolved`, `Ticket ${ticket.number} resolved → open`, `Customer message on ticket ${ticket.number}`]));
  });

  it('stores bodies as written, never as HTML, and refuses what is not a message', async () => {
    const ticket = await openTicket(tokens.customer, {});
    const body = '<script>alert("x")</script>\n  indented & <b>bold</b>  ';
    const answer = await post(ticket.id, { body }, tokens.customer);
    expect(answer.body.body).toBe(body);
    expect((await messages(ticket.id, tokens.customer)).at(-1).body).toBe(body);

    expect((await post(ticket.id, { body: 'x', visibility: 'internal' }, tokens.customer)).status).toBe(403);
    expect((await post(ticket.id, { body: 'x' })).body.error.code).toBe('visibility_required');
    for (const bad of [{ body: '' }, { body: ' \n ' }, { body: 'x'.repeat(20_001), visibility: 'public' }, { body: 'x', visibility: 'secret' }, { body: 'x', visibility: 'public', html: true }]) {
      expect((await post(ticket.id, bad)).status).toBe(400);
    }
    expect((await messages(ticket.id, tokens.customer))).toHaveLength(1);
  });

  it('labels each message with the channel it came through: the staff portal for staff replies and notes, the customer portal for the customer, phone and e-mail as they came', async () => {
    const ticket = await openTicket(tokens.customer, {});
    const reply = await post(ticket.id, { visibility: 'public', body: 'Kami cek dulu.' });
    const note = await post(ticket.id, { visibility: 'internal', body: 'Tanya dapur.' });
    const phoned = await post(ticket.id, { visibility: 'public', body: 'Ditelepon: pengganti dikirim jam 14.00.', channel: 'phone' });
    const answer = await post(ticket.id, { body: 'Terima kasih.' }, tokens.customer);
    const mailed = await addEmailReply(ticket.id, { fromEmail: DEMO.customer, body: 'Sudah sampai, terima kasih.', attachments: [] });
    expect([reply, note, phoned, answer].map((a) => [a.status, a.body.channel])).toEqual([[201, 'staff'], [201, 'staff'], [201, 'phone'], [201, 'portal']]);
    expect(mailed).toMatchObject({ status: 'added', message: { channel: 'email' } });
    expect((await messages(ticket.id)).map((m) => m.channel)).toEqual(['staff', 'staff', 'phone', 'portal', 'email']);
    expect((await messages(ticket.id, tokens.customer)).map((m) => m.channel)).toEqual(['staff', 'phone', 'portal', 'email']);
  });

  it("refuses a message channel that is not the writer's with 400 field_not_allowed: a customer writes in the customer portal, staff never as the customer", async () => {
    const ticket = await openTicket(tokens.customer, {});
    const cases: [Record<string, unknown>, string][] = [
      [{ body: 'Lewat telepon.', channel: 'phone' }, tokens.customer],
      [{ body: 'Lewat e-mail.', channel: 'email' }, tokens.customer],
      [{ body: 'Seolah pelanggan.', visibility: 'public', channel: 'portal' }, tokens.service],
    ];
    for (const [body, token] of cases) {
      const answer = await post(ticket.id, body, token);
      expect([body, answer.status, answer.body.error.code, answer.body.error.details]).toEqual([body, 400, 'field_not_allowed', [expect.objectContaining({ path: 'channel', code: 'field_not_allowed' })]]);
    }
    expect(await messages(ticket.id)).toEqual([]);
    expect((await post(ticket.id, { body: 'Dari portal.', channel: 'portal' }, tokens.customer)).body).toMatchObject({ channel: 'portal', authorType: 'customer' });
  });

  it('reads staff messages stored before the staff portal had a channel of its own (as `portal`) as written in the staff portal', async () => {
    const ticket = await openTicket(tokens.customer, {});
    const stored = (authorType: 'staff' | 'customer' | 'system', visibility: 'public' | 'internal', createdAt: string) =>
      ticketMessageRepository.createOperation({ ticketId: ticket.id, messageId: randomUUID(), body: `Lama (${authorType})`, visibility, authorId: authorType === 'customer' ? ids.yeyen : ids.agent, authorName: authorType, authorType, channel: 'portal', attachments: [], createdAt });
    await transact([stored('customer', 'public', '2026-01-05T01:00:00.000Z'), stored('staff', 'public', '2026-01-05T02:00:00.000Z'), stored('system', 'internal', '2026-01-05T03:00:00.000Z')]);
    expect((await messages(ticket.id)).map((m) => [m.authorType, m.channel])).toEqual([['customer', 'portal'], ['staff', 'staff'], ['system', 'staff']]);
    expect((await messages(ticket.id, tokens.customer)).map((m) => [m.authorType, m.channel])).toEqual([['customer', 'portal'], ['staff', 'staff']]);
  });

  it('takes e-mail replies from the ticket contact and other contacts of its account, and refuses strangers', async () => {
    const ticket = await staffTicket({ contactId: ids.yeyen });
    const fromContact = await addEmailReply(ticket.id, { fromEmail: 'yeyen@kita.example', body: 'Balasan lewat e-mail', attachments: [] });
    expect(fromContact).toMatchObject({ status: 'added', message: { channel: 'email', authorId: ids.yeyen, visibility: 'public' } });
    const fromColleague = await addEmailReply(ticket.id, { fromEmail: 'hendra@kita.example', body: 'Saya juga', attachments: [{ id: 'a1', name: 'po.pdf', size: 10, contentType: 'application/pdf' }] });
    expect(fromColleague).toMatchObject({ status: 'added', message: { authorId: ids.hendra, authorName: 'Hendra Gunawan', attachments: [{ id: 'a1', name: 'po.pdf' }] } });
    expect(await addEmailReply(ticket.id, { fromEmail: 'sari@sinarpagi.example', body: 'Hi', attachments: [] })).toEqual({ status: 'refused', reason: 'unknown_sender' });
    expect(await addEmailReply(randomUUID(), { fromEmail: 'yeyen@kita.example', body: 'Hi', attachments: [] })).toEqual({ status: 'refused', reason: 'unknown_ticket' });
    expect((await messages(ticket.id)).map((m) => m.body)).toEqual(['Balasan lewat e-mail', 'Saya juga']);
  });

  it('signs reply tokens so a reply finds its ticket and a forged token finds nothing', async () => {
    const ticket = await openTicket(tokens.customer, {});
    const mail = await mailFor(DEMO.customer, ticket);
    const token = replyTokenInSubject(`Re: ${mail.subject}`);
    expect(token).toBe(replyTokenFor(ticket.id));
    expect(ticketIdFromReplyToken(token!)).toBe(ticket.id);
    const [encoded, signature] = token!.split('.');
    expect(ticketIdFromReplyToken(`${Buffer.from(randomUUID()).toString('base64url')}.${signature}`)).toBeUndefined();
    expect(ticketIdFromReplyToken(`${encoded}.${'A'.repeat(signature!.length)}`)).toBeUndefined();
    expect(ticketIdFromReplyToken('garbage')).toBeUndefined();
  });
});

describe('status, SLA clock and changes', () => {
  it('pauses the clock while pending (out of the due-time queue) and shifts the deadlines by the business time spent paused', async () => {
    const ticket = await staffTicket({ channel: 'chat', priority: 'urgent' });
    const pending = await patch(ticket.id, { status: 'pending' });
    expect(pending.body).toMatchObject({ status: 'pending', sla: { paused: true }, version: 2 });
    expect((await list('queue=breaching')).map((t) => t.id)).not.toContain(ticket.id);

    // Two weeks waiting for the customer.
    const pausedAt = new Date(Date.now() - 14 * 86_400_000).toISOString();
    await rewrite(ticket.id, (t) => ({ ...t, sla: { ...t.sla, pausedAt } }));
    const before = new Date().toISOString();
    const resumed = await patch(ticket.id, { status: 'open' });
    const after = new Date().toISOString();
    expect(resumed.body.sla.paused).toBe(false);
    const shift = businessMinutesBetween(ticket.sla.resolutionDueAt, resumed.body.sla.resolutionDueAt, chatCalendar);
    expect(shift).toBeGreaterThanOrEqual(businessMinutesBetween(pausedAt, before, chatCalendar));
    expect(shift).toBeLessThanOrEqual(businessMinutesBetween(pausedAt, after, chatCalendar));
    expect((await list('queue=breaching')).map((t) => t.id)).not.toContain(ticket.id);
  });

  it('recomputes the deadlines when the priority changes', async () => {
    const ticket = await staffTicket({ priority: 'low' });
    const raised = await patch(ticket.id, { priority: 'urgent' });
    const { urgent } = DEFAULT_SLA_POLICY.targets;
    expect(raised.body.sla.firstResponseDueAt).toBe(addBusinessMinutes(ticket.createdAt, urgent.firstResponseMinutes, calendar));
    expect(raised.body.sla.resolutionDueAt).toBe(addBusinessMinutes(ticket.createdAt, urgent.resolutionMinutes, calendar));
  });

  it('requires If-Match (428), refuses a stale version (409) and impossible transitions (422)', async () => {
    const ticket = await staffTicket({});
    expect((await call('PATCH', `/tickets/${ticket.id}`, { token: tokens.service, body: { priority: 'high' } })).status).toBe(428);
    expect((await call('PATCH', `/tickets/${ticket.id}`, { token: tokens.service, headers: { 'if-match': 'abc' }, body: { priority: 'high' } })).body.error.code).toBe('invalid_if_match');
    expect((await call('PATCH', `/tickets/${ticket.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { priority: 'high' } })).status).toBe(200);
    const stale = await call('PATCH', `/tickets/${ticket.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { priority: 'low' } });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    await patch(ticket.id, { status: 'resolved' });
    for (const status of ['new', 'pending']) {
      const answer = await patch(ticket.id, { status });
      expect([status, answer.status, answer.body.error.code]).toEqual([status, 422, 'invalid_status_transition']);
    }
    await patch(ticket.id, { status: 'closed' });
    const closed = await patch(ticket.id, { priority: 'low' });
    expect([closed.status, closed.body.error.code]).toEqual([422, 'ticket_closed']);
    expect((await post(ticket.id, { visibility: 'public', body: 'x' })).body.error.code).toBe('ticket_closed');
    for (const body of [{}, { version: 3 }, { status: 'done' }, { severity: 0 }, { unknown: 1 }]) {
      expect((await patch(ticket.id, body)).status).toBe(400);
    }
  });

  it('lets the customer close its own ticket and nothing else', async () => {
    const ticket = await openTicket(tokens.customer, {});
    for (const body of [{ priority: 'urgent' }, { status: 'resolved' }, { status: 'closed', category: 'x' }, { assigneeId: null }]) {
      expect((await patch(ticket.id, body, tokens.customer)).status).toBe(403);
    }
    const closed = await patch(ticket.id, { status: 'closed' }, tokens.customer);
    expect(closed.body).toMatchObject({ status: 'closed', resolvedAt: expect.any(String) });
    expect((await timeline()).map((i) => i.title)).toContain(`Ticket ${ticket.number} new → closed`);
  });

  it('refuses sales staff the service work but lets them open a ticket for a customer', async () => {
    const ticket = await openTicket(tokens.sales, { accountId: ids.kita, channel: 'phone' });
    expect((await patch(ticket.id, { priority: 'high' }, tokens.sales)).status).toBe(403);
    expect((await post(ticket.id, { visibility: 'public', body: 'x' }, tokens.sales)).status).toBe(403);
    expect((await read(ticket.id, tokens.sales)).id).toBe(ticket.id);
  });
});

describe('assignment', () => {
  it('sends a team ticket to the member with the fewest open tickets, taking turns on ties, and mails the agent', async () => {
    const agents = await Promise.all(
      [1, 2].map(async (n) => {
        const email = `agen-${n}-${tag()}@kaktus.example`;
        const created = await call('POST', '/users', { token: tokens.admin, body: { email, name: `Agen ${n}`, roles: ['service'], password: PASSWORD, locale: 'en' } });
        expect(created.status).toBe(201);
        return { id: created.body.id as string, email, token: await login(email, PASSWORD) };
      }),
    );
    const [first, second] = [...agents].sort((a, b) => a.id.localeCompare(b.id));
    const category = `katering-${tag()}`;
    const settings = (await call('GET', '/service-settings', { token: tokens.admin })).body;
    const { version, updatedAt: _updatedAt, ...current } = settings;
    const saved = await call('PUT', '/service-settings', {
      token: tokens.admin,
      headers: { 'if-match': String(version) },
      body: { ...current, teams: [...current.teams, { id: `team-${category}`, name: 'Event catering', categories: [category], memberIds: agents.map((a) => a.id) }] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(version + 1);

    const t1 = await staffTicket({ category });
    const t2 = await staffTicket({ category });
    const t3 = await staffTicket({ category });
    await patch(t3.id, { status: 'resolved' });
    const t4 = await staffTicket({ category });
    expect([t1, t2, t3, t4].map((t) => t.assigneeId)).toEqual([first!.id, second!.id, first!.id, second!.id]);
    expect([t1, t2, t3, t4].every((t) => t.teamId === `team-${category}`)).toBe(true);

    expect((await list('queue=mine', first!.token)).map((t) => t.id)).toEqual([t1.id]);
    expect((await list('queue=mine', second!.token)).map((t) => t.id)).toEqual([t2.id, t4.id]);
    expect((await mailFor(first!.email, t1)).subject).toContain('Ticket assigned to you');
    expect((await mailFor(second!.email, t4)).body.text).toContain(`/ticket/?id=${t4.id}`);

    // Reassigning moves the load; with one open ticket each again, the rotation decides.
    await patch(t4.id, { assigneeId: first!.id });
    expect((await list('queue=mine', first!.token)).map((t) => t.id)).toEqual([t1.id, t4.id]);
    await patch(t4.id, { assigneeId: null });
    expect((await list('queue=unassigned')).map((t) => t.id)).toContain(t4.id);
    expect((await list('queue=mine', first!.token)).map((t) => t.id)).toEqual([t1.id]);
    const t5 = await staffTicket({ category });
    expect(t5.assigneeId).toBe(first!.id);
  });

  it('lets only admins replace the settings, with valid teams and a current version', async () => {
    const settings = (await call('GET', '/service-settings', { token: tokens.service })).body;
    expect(settings.escalationRules.map((r: any) => r.id)).toContain('untouched-high-severity-key-account');
    expect(settings.managerEmails).toEqual(expect.arrayContaining([DEMO.admin, DEMO.service]));
    const { version, updatedAt: _updatedAt, ...body } = settings;
    expect((await call('PUT', '/service-settings', { token: tokens.service, body })).status).toBe(403);
    expect((await call('GET', '/service-settings', { token: tokens.customer })).status).toBe(403);
    const stranger = await call('PUT', '/service-settings', { token: tokens.admin, body: { ...body, teams: [{ id: 'x', name: 'X', categories: [], memberIds: [randomUUID()] }], defaultTeamId: undefined } });
    expect([stranger.status, stranger.body.error.code]).toEqual([422, 'unknown_team_member']);
    expect((await call('PUT', '/service-settings', { token: tokens.admin, body: { ...body, defaultTeamId: 'nope' } })).status).toBe(400);
    const stale = await call('PUT', '/service-settings', { token: tokens.admin, headers: { 'if-match': String(version - 1 || 99) }, body });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    // 0 is the version of settings never saved: a first save that lost the race to another.
    const firstSave = await call('PUT', '/service-settings', { token: tokens.admin, headers: { 'if-match': '0' }, body });
    expect([firstSave.status, firstSave.body.error.code]).toEqual([409, 'version_conflict']);
    expect((await call('PUT', '/service-settings', { token: tokens.admin, headers: { 'if-match': '-1' }, body })).body.error.code).toBe('invalid_if_match');
    expect((await call('GET', '/service-settings', { token: tokens.admin })).body.version).toBe(version);
  });
});

describe('rating', () => {
  it('takes one rating from the customer after resolution, which is mailed with a link to rate', async () => {
    const customer = await customerLogin(ids.kita, 'contact');
    const ticket = await openTicket(customer.token, {});
    const early = await call('POST', `/tickets/${ticket.id}/csat`, { token: customer.token, body: { score: 5 } });
    expect([early.status, early.body.error.code]).toEqual([422, 'ticket_not_resolved']);
    await patch(ticket.id, { status: 'resolved' });
    const mail = await waitForMail(customer.email, (m) => m.subject.includes(replySubjectTag(ticket.number, ticket.id)) && RESOLVED.test(m.subject));
    expect(mail.body.text).toContain(`/ticket/?id=${ticket.id}`);
    expect(mail.body.text).toMatch(/Rate our service|Nilai layanan kami/);

    expect((await call('POST', `/tickets/${ticket.id}/csat`, { token: tokens.service, body: { score: 1 } })).status).toBe(403);
    for (const body of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: 5, extra: true }]) {
      expect((await call('POST', `/tickets/${ticket.id}/csat`, { token: customer.token, body })).status).toBe(400);
    }
    const rated = await call('POST', `/tickets/${ticket.id}/csat`, { token: customer.token, body: { score: 4, comment: 'Cepat ditangani.' } });
    expect(rated.status).toBe(201);
    expect(rated.body.csat).toEqual({ score: 4, comment: 'Cepat ditangani.' });
    const again = await call('POST', `/tickets/${ticket.id}/csat`, { token: customer.token, body: { score: 1 } });
    expect([again.status, again.body.error.code]).toEqual([409, 'csat_already_given']);
    expect((await read(ticket.id)).csat).toEqual({ score: 4, comment: 'Cepat ditangani.' });
  });
});

describe('lists and queues', () => {
  it("shows a contact its own tickets, and a primary contact every ticket of its account; others' look missing", async () => {
    const colleague = await customerLogin(ids.kita, 'kitchen');
    const mine = await openTicket(colleague.token, { subject: `Dapur ${tag()}` });
    const yeyens = await openTicket(tokens.customer, { subject: `Kantor ${tag()}` });
    expect((await list('', colleague.token)).map((t) => t.id)).toEqual([mine.id]);
    expect((await list(`accountId=${ids.kita}`, colleague.token)).map((t) => t.id)).toEqual([mine.id]);
    const primary = (await list('', tokens.customer)).map((t) => t.id);
    expect(primary).toEqual(expect.arrayContaining([mine.id, yeyens.id]));
    expect(primary.indexOf(yeyens.id)).toBeLessThan(primary.indexOf(mine.id));

    for (const [method, path, body] of [['GET', '', undefined], ['GET', '/messages', undefined], ['POST', '/messages', { body: 'x' }], ['POST', '/csat', { score: 5 }], ['PATCH', '', { status: 'closed' }]] as const) {
      const options = { token: colleague.token, body, headers: { 'if-match': '1' } };
      const foreign = await call(method, `/tickets/${yeyens.id}${path}`, options);
      const missing = await call(method, `/tickets/${randomUUID()}${path}`, options);
      expect([method, path, foreign.status]).toEqual([method, path, 404]);
      expect(missing.body).toEqual(foreign.body);
    }
    const foreignAccount = await call('GET', `/tickets?accountId=${ids.sinar}`, { token: colleague.token });
    const missingAccount = await call('GET', `/tickets?accountId=${randomUUID()}`, { token: colleague.token });
    expect(foreignAccount.status).toBe(404);
    expect(missingAccount.body).toEqual(foreignAccount.body);
    expect((await call('GET', '/tickets?queue=open', { token: colleague.token })).status).toBe(403);
  });

  it('lists open tickets oldest first and an account\'s newest first; a queue and an account together are refused', async () => {
    const older = await staffTicket({});
    const newer = await staffTicket({});
    const open = (await list('queue=open')).map((t) => t.id);
    expect(open.indexOf(older.id)).toBeLessThan(open.indexOf(newer.id));
    expect((await list('')).map((t) => t.id)).toEqual(open);
    await patch(older.id, { status: 'resolved' });
    expect((await list('queue=open')).map((t) => t.id)).not.toContain(older.id);
    const byAccount = (await list(`accountId=${ids.kita}`)).map((t) => t.id);
    expect(byAccount.indexOf(newer.id)).toBeLessThan(byAccount.indexOf(older.id));
    const both = await call('GET', `/tickets?queue=open&accountId=${ids.kita}`, { token: tokens.service });
    expect([both.status, both.body.error.code]).toEqual([400, 'conflicting_filters']);
    expect((await call('GET', '/tickets?queue=everything', { token: tokens.service })).status).toBe(400);
  });

  it('pages with signed cursors bound to the caller', async () => {
    await Promise.all([1, 2, 3].map(() => staffTicket({})));
    const page1 = await call('GET', '/tickets?queue=open&limit=2', { token: tokens.service });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await call('GET', `/tickets?queue=open&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { token: tokens.service });
    expect(page2.status).toBe(200);
    expect(page2.body.items.map((t: any) => t.id)).not.toContain(page1.body.items[0].id);
    const stolen = await call('GET', `/tickets?queue=open&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { token: tokens.admin });
    expect([stolen.status, stolen.body.error.code]).toEqual([400, 'invalid_cursor']);
  });

  it('queues breaching tickets (next deadline within 60 minutes or past) soonest first, without paused or far-off ones', async () => {
    const urgent = await staffTicket({ channel: 'chat', priority: 'urgent' });
    const high = await staffTicket({ channel: 'chat', priority: 'high' });
    const normal = await staffTicket({ channel: 'chat', priority: 'normal' });
    const late = await staffTicket({ channel: 'chat', priority: 'low' });
    const paused = await staffTicket({ channel: 'chat', priority: 'urgent' });
    await patch(paused.id, { status: 'pending' });
    await rewrite(late.id, (t) => ({ ...t, sla: { ...t.sla, firstResponseDueAt: new Date(Date.now() - 10 * 60_000).toISOString() } }));

    const queue = await list('queue=breaching');
    const order = queue.map((t) => t.id).filter((id) => [urgent.id, high.id, normal.id, late.id, paused.id].includes(id));
    expect(order).toEqual([late.id, urgent.id, high.id]);
    const next = (t: any) => (t.sla.firstRespondedAt ? t.sla.resolutionDueAt : t.sla.firstResponseDueAt);
    expect(queue.map(next)).toEqual([...queue.map(next)].sort());

    // Answering moves a ticket to its resolution deadline, far off: out of the queue.
    await post(urgent.id, { visibility: 'public', body: 'Sedang kami proses.' });
    expect((await list('queue=breaching')).map((t) => t.id)).not.toContain(urgent.id);
  });
});

describe('schedule sweep', () => {
  it('marks a passed deadline as breached once: internal note and timeline, nothing for the customer', async () => {
    const ticket = await staffTicket({ channel: 'chat', priority: 'urgent', contactId: ids.yeyen });
    const later = new Date(Date.now() + 2 * 3_600_000);
    const first = await sweepTickets(later);
    expect(first.breached).toBeGreaterThanOrEqual(1);
    expect((await read(ticket.id)).sla.breached).toBe(true);
    const notes = (await messages(ticket.id)).filter((m) => m.authorType === 'system');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ visibility: 'internal', authorName: 'Relasi', channel: 'staff' });
    expect(notes[0].body).toContain('SLA breached: the first response was due');
    expect((await timeline()).map((i) => i.title)).toContain(`Ticket ${ticket.number} SLA breached`);
    expect(await messages(ticket.id, tokens.customer)).toEqual([]);

    await sweepTickets(later);
    expect((await messages(ticket.id)).filter((m) => m.authorType === 'system')).toHaveLength(1);
  });

  it('fires the escalation rule once per ticket over two sweeps: a high-severity ticket of a high-tier account untouched for 20 hours', async () => {
    const account = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. Prioritas ${tag()}`, tier: 'high' } });
    expect(account.body.tier).toBe('high');
    const escalates = await openTicket(tokens.service, { accountId: account.body.id, channel: 'phone', severity: 2, priority: 'high' });
    const minor = await openTicket(tokens.service, { accountId: account.body.id, channel: 'phone', severity: 3 });
    const touched = await openTicket(tokens.service, { accountId: account.body.id, channel: 'phone', severity: 1 });
    await patch(touched.id, { status: 'open' });
    const ordinary = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. Biasa ${tag()}`, tier: 'normal' } });
    const normalTier = await openTicket(tokens.service, { accountId: ordinary.body.id, channel: 'phone', severity: 1 });

    const later = new Date(Date.now() + 21 * 3_600_000);
    const first = await sweepTickets(later);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const escalation = (t: { id: string }) => messages(t.id).then((all) => all.filter((m) => m.authorType === 'system' && m.body.startsWith('Escalated:')));
    expect(await escalation(escalates)).toHaveLength(1);
    for (const other of [minor, touched, normalTier]) expect(await escalation(other)).toEqual([]);
    for (const manager of [DEMO.admin, DEMO.service]) {
      const mail = await mailFor(manager, escalates);
      expect(mail.subject).toContain('Eskalasi');
      expect(mail.body.text).toContain(`/ticket/?id=${escalates.id}`);
    }

    const second = await sweepTickets(later);
    expect(second.escalated).toBe(0);
    expect(await escalation(escalates)).toHaveLength(1);
  });
});

describe('service metrics', () => {
  const at = (day: string, minutes = 0) => new Date(Date.parse(`${day}T02:00:00.000Z`) + minutes * 60_000).toISOString();
  const stored = (overrides: Partial<TicketRecord> & { createdAt: string }): TicketRecord => ({
    ticketId: randomUUID(),
    number: `T-2025-9${tag().slice(0, 4)}`,
    subject: 'Arsip',
    description: 'Arsip',
    accountId: ids.kita,
    channel: 'phone',
    priority: 'normal',
    status: 'closed',
    sla: { policyId: 'default', firstResponseDueAt: overrides.createdAt, resolutionDueAt: overrides.createdAt, breached: false, paused: false, pausedMinutes: 0 },
    version: 1,
    updatedAt: overrides.createdAt,
    ...overrides,
  });

  beforeAll(async () => {
    const records = [
      stored({ createdAt: at('2025-01-06'), assigneeId: 'agent-a', teamId: 'team-x', resolvedAt: at('2025-01-06', 120), csat: { score: 5 }, sla: { policyId: 'default', firstResponseDueAt: at('2025-01-06', 240), resolutionDueAt: at('2025-01-07'), firstRespondedAt: at('2025-01-06', 30), breached: false, paused: false, pausedMinutes: 0 } }),
      stored({ createdAt: at('2025-01-07'), assigneeId: 'agent-a', teamId: 'team-x', status: 'resolved', resolvedAt: at('2025-01-07', 600), csat: { score: 3 }, sla: { policyId: 'default', firstResponseDueAt: at('2025-01-07', 60), resolutionDueAt: at('2025-01-07', 480), firstRespondedAt: at('2025-01-07', 90), breached: true, paused: false, pausedMinutes: 0 } }),
      // Still open, its deadlines long past: breached although no sweep marked it.
      stored({ createdAt: at('2025-01-20'), assigneeId: 'agent-b', teamId: 'team-y', status: 'open', sla: { policyId: 'default', firstResponseDueAt: at('2025-01-20', 240), resolutionDueAt: at('2025-01-21'), firstRespondedAt: at('2025-01-20', 60), breached: false, paused: false, pausedMinutes: 0 } }),
      stored({ createdAt: at('2025-02-01'), assigneeId: 'agent-b', teamId: 'team-y', resolvedAt: at('2025-02-01', 10) }),
    ];
    for (const record of records) await transact(ticketRepository.createOperations(record));
  });

  it('computes first response, resolution, SLA compliance and CSAT over the tickets created in the range, overall, per agent and per team', async () => {
    const answer = await call('GET', '/service/metrics?from=2025-01-01&to=2025-01-31', { token: tokens.service });
    expect(answer.status).toBe(200);
    const agentA = { firstResponseMinutes: { avg: 60, median: 60 }, resolutionMinutes: { avg: 360, median: 360 }, slaCompliancePercent: 50, csatAverage: 4, csatCount: 2, ticketCount: 2 };
    const agentB = { firstResponseMinutes: { avg: 60, median: 60 }, resolutionMinutes: { avg: null, median: null }, slaCompliancePercent: 0, csatAverage: null, csatCount: 0, ticketCount: 1 };
    expect(answer.body).toEqual({
      firstResponseMinutes: { avg: 60, median: 60 },
      resolutionMinutes: { avg: 360, median: 360 },
      slaCompliancePercent: 33.3,
      csatAverage: 4,
      csatCount: 2,
      ticketCount: 3,
      byAgent: [{ agentId: 'agent-a', ...agentA }, { agentId: 'agent-b', ...agentB }],
      byTeam: [{ teamId: 'team-x', ...agentA }, { teamId: 'team-y', ...agentB }],
    });
  });

  it('counts both ends of the range, which may span months', async () => {
    expect((await call('GET', '/service/metrics?from=2025-01-07&to=2025-01-20', { token: tokens.admin })).body.ticketCount).toBe(2);
    expect((await call('GET', '/service/metrics?from=2025-01-20&to=2025-02-01', { token: tokens.admin })).body.ticketCount).toBe(2);
    expect((await call('GET', '/service/metrics?from=2024-06-01&to=2024-06-30', { token: tokens.admin })).body).toMatchObject({ ticketCount: 0, slaCompliancePercent: null, byAgent: [] });
  });

  it('answers bad ranges and outsiders with stable codes', async () => {
    const cases: [string, string, number, string][] = [
      ['from=2025-02-01&to=2025-01-01', 'service', 400, 'invalid_range'],
      ['from=2024-01-01&to=2025-06-01', 'service', 400, 'range_too_long'],
      ['from=2025-13-01&to=2025-01-01', 'service', 400, 'validation_failed'],
      ['to=2025-01-01', 'service', 400, 'validation_failed'],
      ['from=2025-01-01&to=2025-01-31', 'customer', 403, 'forbidden'],
      ['from=2025-01-01&to=2025-01-31', 'partner', 403, 'forbidden'],
    ];
    for (const [query, who, status, code] of cases) {
      const answer = await call('GET', `/service/metrics?${query}`, { token: tokens[who as DemoLogin] });
      expect([query, who, answer.status, answer.body.error.code]).toEqual([query, who, status, code]);
    }
    expect((await call('GET', '/service/metrics?from=2025-01-01&to=2025-01-31')).status).toBe(401);
  });
});

describe('agent names', () => {
  it("tells any staff member the names of staff by id, and leaves out customers' and unknown ids", async () => {
    const customer = (await call('GET', '/auth/me', { token: tokens.customer })).body.user.id;
    const answer = await call('GET', `/service/agents?ids=${ids.agent},${ids.admin},${customer},nobody,${ids.agent}`, { token: tokens.sales });
    expect(answer.status).toBe(200);
    expect(answer.body.items.sort((a: any, b: any) => a.name.localeCompare(b.name))).toEqual([
      { id: ids.admin, name: 'Ayu Pratiwi', active: true },
      { id: ids.agent, name: 'Citra Lestari', active: true },
    ]);
  });

  it('refuses outsiders and bad id lists with stable codes', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`).join(',');
    const cases: [string, DemoLogin | undefined, number, string][] = [
      [`ids=${ids.agent}`, 'customer', 403, 'forbidden'],
      [`ids=${ids.agent}`, 'partner', 403, 'forbidden'],
      [`ids=${ids.agent}`, 'investor', 403, 'forbidden'],
      ['ids=', 'service', 400, 'validation_failed'],
      ['', 'service', 400, 'validation_failed'],
      [`ids=${many}`, 'service', 400, 'validation_failed'],
      [`ids=${'x'.repeat(65)}`, 'service', 400, 'validation_failed'],
    ];
    for (const [query, who, status, code] of cases) {
      const answer = await call('GET', `/service/agents?${query}`, { token: who && tokens[who] });
      expect([query.slice(0, 20), who, answer.status, answer.body.error.code]).toEqual([query.slice(0, 20), who, status, code]);
    }
    expect((await call('GET', `/service/agents?ids=${ids.agent}`)).status).toBe(401);
  });

  it('is in the OpenAPI document with its query', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.body.paths['/service/agents'].get.parameters).toEqual([expect.objectContaining({ name: 'ids', in: 'query', required: true })]);
  });
});

describe('the demo', () => {
  it('has the PT. KITA late delivery (open, high, severity 2, answered, with a note) and the pending invoice question', async () => {
    const kita = await list(`accountId=${ids.kita}`);
    const late = kita.find((t) => t.subject.startsWith('Lunch delivery to the Cikarang plant'));
    expect(late).toMatchObject({ status: 'open', priority: 'high', severity: 2, assigneeId: ids.agent, channel: 'portal', contactId: ids.yeyen });
    expect(late.sla.firstRespondedAt).toEqual(expect.any(String));
    // (The sweeps above may have added system notes; the people's messages are these.)
    expect((await messages(late.id)).filter((m) => m.authorType === 'staff').map((m) => [m.visibility, m.channel])).toEqual([['public', 'staff'], ['internal', 'staff']]);
    expect((await messages(late.id, tokens.customer)).map((m) => [m.visibility, m.channel])).toEqual([['public', 'staff']]);
    const question = kita.find((t) => t.subject === 'Question about the meeting snack invoice');
    expect(question).toMatchObject({ status: 'pending', priority: 'normal', contactId: ids.hendra, sla: { paused: true } });
    expect(await seedServiceDemo()).toEqual({ seeded: false });
  });
});
