import { randomUUID } from 'node:crypto';
import { addBusinessMinutes, businessMinutesBetween } from '../../../shared/modules/desk/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../../shared/modules/desk/domain/sla-policy';
import { ticketMessageRepository } from '../../../shared/modules/desk/db/ticket.repository';
import { transact } from '../../../shared/platform/db/transaction';
import { replySubjectTag, replyTokenFor, replyTokenInSubject, ticketIdFromReplyToken } from '../../../shared/modules/desk/services/ticket-reply-token';
import { addEmailReply } from '../../../shared/modules/desk/services/email-channel.service';
import { call, DEMO, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { mailsTo, waitForMail } from '../../support/mail.helper';
import { tag } from '../../support/sales.helper';
import { calendar, chatCalendar, customerLogin, ids, list, mailFor, messages, openTicket, patch, post, read, RESOLVED, rewrite, setUpTicketDesk, staffTicket, stopTicketDesk, timeline, tokens } from './tickets.fixture';

beforeAll(setUpTicketDesk, SETUP_TIMEOUT_MS);
afterAll(stopTicketDesk);

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
