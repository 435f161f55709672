import { randomUUID } from 'node:crypto';
import { ticketRepository, type TicketRecord } from '../../../shared/modules/desk/db/ticket.repository';
import { transact } from '../../../shared/platform/db/transaction';
import { seedServiceDemo } from '../../../infra/local/seed/service-demo';
import { sweepTickets } from '../../../shared/modules/desk/services/sla-sweep.service';
import { call, DEMO, login, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';
import { customerLogin, ids, list, mailFor, messages, openTicket, PASSWORD, patch, post, read, rewrite, setUpTicketDesk, staffTicket, stopTicketDesk, timeline, tokens } from './tickets.fixture';

beforeAll(setUpTicketDesk, SETUP_TIMEOUT_MS);
afterAll(stopTicketDesk);

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
    const { byDay, ...summary } = answer.body;
    expect(byDay).toHaveLength(31);
    expect(summary).toEqual({
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

  it('answers every day of the range: opened, resolved that day, SLA kept and CSAT of the day’s tickets', async () => {
    const answer = await call('GET', '/service/metrics?from=2025-01-05&to=2025-01-08', { token: tokens.service });
    expect(answer.status).toBe(200);
    expect(answer.body.byDay).toEqual([
      { day: '2025-01-05', opened: 0, resolved: 0, slaCompliancePercent: null, csatAverage: null },
      { day: '2025-01-06', opened: 1, resolved: 1, slaCompliancePercent: 100, csatAverage: 5 },
      { day: '2025-01-07', opened: 1, resolved: 1, slaCompliancePercent: 0, csatAverage: 3 },
      { day: '2025-01-08', opened: 0, resolved: 0, slaCompliancePercent: null, csatAverage: null },
    ]);
    // A ticket opened on the last day of January and resolved on 1 February counts where it falls.
    const span = await call('GET', '/service/metrics?from=2025-01-31&to=2025-02-01', { token: tokens.service });
    expect(span.body.byDay.map((d: { opened: number; resolved: number }) => [d.opened, d.resolved])).toEqual([
      [0, 0],
      [1, 1],
    ]);
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
