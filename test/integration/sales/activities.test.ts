import { randomBytes, randomUUID } from 'node:crypto';
import { myDayWindow } from '../../../shared/modules/sales/domain/my-day';
import { call, DEMO_PASSWORD, demoWorld, login, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { newRepId, refusedOwnerIds } from '../../support/owners.helper';

let tokens: Record<DemoLogin, string>;
const ids = {} as { kita: string; sinar: string; salesUser: string; serviceUser: string; hendra: string; opportunity: string };

beforeAll(async () => {
  tokens = await demoWorld();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const accountId = (name: string) => accounts.body.items.find((a: any) => a.name === name).id as string;
  const contacts = await call('GET', '/contacts?limit=100', { token: tokens.admin });
  const [sales, service] = await Promise.all([call('GET', '/auth/me', { token: tokens.sales }), call('GET', '/auth/me', { token: tokens.service })]);
  const sinar = accountId('PT. Sinar Pagi');
  const opportunity = await call('POST', '/opportunities', { token: tokens.sales, body: { name: 'Daily lunch 80 staff', accountId: sinar, expectedRevenue: { amount: 48_000_000, currency: 'IDR' } } });
  Object.assign(ids, {
    kita: accountId('PT. KITA'),
    sinar,
    salesUser: sales.body.user.id,
    serviceUser: service.body.user.id,
    hendra: contacts.body.items.find((c: any) => c.lastName === 'Gunawan').id,
    opportunity: opportunity.body.id,
  });
}, SETUP_TIMEOUT_MS);

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function createActivity(extra: Record<string, unknown> = {}, token = tokens.sales) {
  const answer = await call('POST', '/activities', { token, body: { type: 'call', subject: `Call ${randomBytes(3).toString('hex')}`, related: { type: 'account', id: ids.kita }, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function timelineOf(accountId: string) {
  const answer = await call('GET', `/accounts/${accountId}/timeline?limit=100`, { token: tokens.sales });
  expect(answer.status).toBe(200);
  return answer.body.items as any[];
}

describe('activity CRUD', () => {
  it('schedules a call on an account, shown on its timeline with the phone channel', async () => {
    const dueAt = '2026-12-01T10:00:00+07:00';
    const created = await createActivity({ dueAt, direction: 'outbound', notes: 'Ask about the Cikarang plant' });
    expect(created).toMatchObject({ type: 'call', status: 'planned', dueAt: '2026-12-01T03:00:00.000Z', direction: 'outbound', related: { type: 'account', id: ids.kita }, accountId: ids.kita, ownerId: ids.salesUser, version: 1 });
    const read = await call('GET', `/activities/${created.id}`, { token: tokens.service });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
    const entry = (await timelineOf(ids.kita)).find((i) => i.id === created.id);
    expect(entry).toMatchObject({ type: 'activity', channel: 'phone', title: `Call planned: ${created.subject}` });
  });

  it('derives the account from an opportunity and from a contact with one account', async () => {
    const meeting = await createActivity({ type: 'meeting', subject: 'Menu tasting', related: { type: 'opportunity', id: ids.opportunity }, dueAt: inOneHour() });
    expect(meeting.accountId).toBe(ids.sinar);
    expect((await timelineOf(ids.sinar)).find((i) => i.id === meeting.id)).toMatchObject({ channel: 'face_to_face' });
    const email = await createActivity({ type: 'email', subject: 'Sent the menu', status: 'done', related: { type: 'contact', id: ids.hendra } });
    expect(email).toMatchObject({ accountId: ids.kita, status: 'done', doneAt: expect.any(String) });
    expect((await timelineOf(ids.kita)).find((i) => i.id === email.id)).toMatchObject({ channel: 'email', title: 'E-mail logged: Sent the menu' });
  });

  it('logs a note as done, on the internal channel', async () => {
    const note = await createActivity({ type: 'note', subject: 'Prefers halal certification on file' });
    expect(note.status).toBe('done');
    expect((await timelineOf(ids.kita)).find((i) => i.id === note.id)).toMatchObject({ channel: 'internal' });
  });

  it('answers 404 for a related record that does not exist and for an unknown activity', async () => {
    for (const type of ['account', 'contact', 'opportunity', 'lead']) {
      const answer = await call('POST', '/activities', { token: tokens.sales, body: { type: 'task', subject: 'x', related: { type, id: randomUUID() } } });
      expect([type, answer.status]).toEqual([type, 404]);
    }
    expect((await call('GET', `/activities/${randomUUID()}`, { token: tokens.sales })).status).toBe(404);
    expect((await call('PATCH', `/activities/${randomUUID()}`, { token: tokens.sales, body: { subject: 'x' }, headers: { 'if-match': '1' } })).status).toBe(404);
    expect((await call('POST', `/activities/${randomUUID()}/done`, { token: tokens.sales, body: {} })).status).toBe(404);
    expect((await call('GET', `/activities?relatedType=account&relatedId=${randomUUID()}`, { token: tokens.sales })).status).toBe(404);
  });

  it('changes an activity with If-Match: 428 without, 409 when stale', async () => {
    const created = await createActivity({ dueAt: inOneHour(), notes: 'old' });
    expect((await call('PATCH', `/activities/${created.id}`, { token: tokens.sales, body: { subject: 'x' } })).status).toBe(428);
    const changed = await call('PATCH', `/activities/${created.id}`, { token: tokens.sales, body: { subject: 'Call back Hendra', notes: null, dueAt: '2027-01-05T09:00:00Z' }, headers: { 'if-match': '1' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ subject: 'Call back Hendra', dueAt: '2027-01-05T09:00:00.000Z', version: 2 });
    expect(changed.body.notes).toBeUndefined();
    const stale = await call('PATCH', `/activities/${created.id}`, { token: tokens.sales, body: { subject: 'y' }, headers: { 'if-match': '1' } });
    expect(stale.status).toBe(409);
  });

  it('logs planned work as done once, with outcome and duration', async () => {
    const created = await createActivity({ dueAt: inOneHour() });
    const done = await call('POST', `/activities/${created.id}/done`, { token: tokens.sales, body: { outcome: 'Wants a quote for 250 staff', durationMinutes: 15 } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'Wants a quote for 250 staff', durationMinutes: 15, version: 2, doneAt: expect.any(String) });
    const again = await call('POST', `/activities/${created.id}/done`, { token: tokens.sales, body: {} });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('activity_done');
    const entries = (await timelineOf(ids.kita)).filter((i) => i.id === created.id);
    expect(entries.map((i) => i.title)).toEqual([`Call logged: ${created.subject}`, `Call planned: ${created.subject}`]);
    expect(entries[0].summary).toContain('15 min');
  });

  it('takes as owner only a staff login that is not disabled: 422 unknown_owner otherwise, nothing stored or changed', async () => {
    const activity = await createActivity({ dueAt: inOneHour() });
    for (const [what, ownerId] of await refusedOwnerIds(tokens)) {
      const created = await call('POST', '/activities', { token: tokens.sales, body: { type: 'call', subject: `For ${what}`, related: { type: 'account', id: ids.kita }, ownerId } });
      const changed = await call('PATCH', `/activities/${activity.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { ownerId } });
      expect([what, created.status, created.body.error?.code, changed.status, changed.body.error?.code]).toEqual([what, 422, 'unknown_owner', 422, 'unknown_owner']);
      expect((await call('GET', `/activities?ownerId=${ownerId}`, { token: tokens.sales })).body.items).toEqual([]);
    }
    expect((await call('GET', `/activities/${activity.id}`, { token: tokens.sales })).body).toMatchObject({ ownerId: ids.salesUser, version: 1 });

    const rep = await newRepId(tokens.admin);
    expect(await createActivity({ ownerId: rep })).toMatchObject({ ownerId: rep });
    const handedOver = await call('PATCH', `/activities/${activity.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { ownerId: rep } });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ ownerId: rep, version: 2 });
  });

  it('lists the activities of a record, newest first, and of an owner by status', async () => {
    const a = await createActivity({ related: { type: 'opportunity', id: ids.opportunity }, dueAt: inOneHour() });
    const b = await createActivity({ related: { type: 'opportunity', id: ids.opportunity }, dueAt: inOneHour() });
    const ofRecord = await call('GET', `/activities?relatedType=opportunity&relatedId=${ids.opportunity}&limit=100`, { token: tokens.sales });
    expect(ofRecord.status).toBe(200);
    const order = ofRecord.body.items.map((x: any) => x.id).filter((id: string) => [a.id, b.id].includes(id));
    expect(order).toEqual([b.id, a.id]);
    await call('POST', `/activities/${a.id}/done`, { token: tokens.sales, body: {} });
    const planned = await call('GET', `/activities?ownerId=${ids.salesUser}&status=planned&limit=100`, { token: tokens.sales });
    expect(planned.body.items.every((x: any) => x.status === 'planned' && x.ownerId === ids.salesUser)).toBe(true);
    expect(planned.body.items.map((x: any) => x.id)).toContain(b.id);
    const done = await call('GET', '/activities?status=done&limit=100', { token: tokens.sales });
    expect(done.body.items.map((x: any) => x.id)).toContain(a.id);
    const doneOfRecord = await call('GET', `/activities?relatedType=opportunity&relatedId=${ids.opportunity}&status=done`, { token: tokens.sales });
    expect(doneOfRecord.body.items.map((x: any) => x.id)).toEqual([a.id]);
  });
});

describe('my day', () => {
  it("splits the caller's planned work into overdue, today and upcoming (Jakarta days)", async () => {
    const email = `rep-${randomBytes(4).toString('hex')}@kaktus.example`;
    expect((await call('POST', '/users', { token: tokens.admin, body: { email, name: 'Rep Baru', roles: ['sales'], password: DEMO_PASSWORD } })).status).toBe(201);
    const rep = await login(email);
    const window = myDayWindow(new Date());
    const shift = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
    const overdue = await createActivity({ subject: 'overdue', dueAt: shift(window.startOfToday, -60) }, rep);
    const today = await createActivity({ subject: 'today', dueAt: shift(window.startOfToday, 1) }, rep);
    const upcoming = await createActivity({ subject: 'upcoming', dueAt: shift(window.endOfToday, 60) }, rep);
    await createActivity({ subject: 'too far', dueAt: shift(window.endOfUpcoming, 60) }, rep);
    await createActivity({ subject: 'undated', type: 'task' }, rep);
    const finished = await createActivity({ subject: 'finished', dueAt: shift(window.startOfToday, 2) }, rep);
    await call('POST', `/activities/${finished.id}/done`, { token: rep, body: {} });
    await createActivity({ subject: 'not mine', dueAt: shift(window.startOfToday, 3) });

    const day = await call('GET', '/activities/my-day', { token: rep });
    expect(day.status).toBe(200);
    expect({ overdue: day.body.overdue.map((a: any) => a.id), today: day.body.today.map((a: any) => a.id), upcoming: day.body.upcoming.map((a: any) => a.id) }).toEqual({
      overdue: [overdue.id],
      today: [today.id],
      upcoming: [upcoming.id],
    });
  });
});

describe('access', () => {
  it('refuses customers, partners and investors (403) and anonymous callers (401) on every route', async () => {
    const created = await createActivity();
    const routes = [
      { method: 'GET', path: '/activities' },
      { method: 'GET', path: `/activities?relatedType=account&relatedId=${ids.kita}` },
      { method: 'GET', path: '/activities/my-day' },
      { method: 'POST', path: '/activities', body: { type: 'call', subject: 'x', related: { type: 'account', id: ids.kita } } },
      { method: 'GET', path: `/activities/${created.id}` },
      { method: 'PATCH', path: `/activities/${created.id}`, body: { subject: 'x' }, headers: { 'if-match': '1' } },
      { method: 'POST', path: `/activities/${created.id}/done`, body: {} },
    ];
    for (const route of routes) {
      for (const who of ['customer', 'partner', 'investor'] as const) {
        const answer = await call(route.method, route.path, { token: tokens[who], body: route.body, headers: route.headers });
        expect([route.method, route.path, who, answer.status]).toEqual([route.method, route.path, who, 403]);
      }
      const anonymous = await call(route.method, route.path, { body: route.body, headers: route.headers });
      expect([route.method, route.path, anonymous.status]).toEqual([route.method, route.path, 401]);
    }
    expect((await call('GET', `/activities/${created.id}`, { token: tokens.sales })).body).toEqual(created);
  });

  it('lets service staff read all and manage only their own activities', async () => {
    const ofSales = await createActivity({ dueAt: inOneHour() });
    expect((await call('GET', `/activities/${ofSales.id}`, { token: tokens.service })).status).toBe(200);
    expect((await call('PATCH', `/activities/${ofSales.id}`, { token: tokens.service, body: { subject: 'x' }, headers: { 'if-match': '1' } })).status).toBe(403);
    expect((await call('POST', `/activities/${ofSales.id}/done`, { token: tokens.service, body: {} })).status).toBe(403);
    expect((await call('POST', '/activities', { token: tokens.service, body: { type: 'call', subject: 'x', related: { type: 'account', id: ids.kita }, ownerId: ids.salesUser } })).status).toBe(403);
    const own = await createActivity({ type: 'task', subject: 'Check complaint' }, tokens.service);
    expect(own.ownerId).toBe(ids.serviceUser);
    expect((await call('POST', `/activities/${own.id}/done`, { token: tokens.service, body: { outcome: 'Solved' } })).status).toBe(200);
    const handOver = await call('PATCH', `/activities/${own.id}`, { token: tokens.service, body: { ownerId: ids.salesUser }, headers: { 'if-match': '2' } });
    expect(handOver.status).toBe(403);
  });
});

describe('bad input', () => {
  it.each([
    [{}],
    [{ type: 'fax', subject: 'x', related: { type: 'account', id: 'a' } }],
    [{ type: 'call', subject: '', related: { type: 'account', id: 'a' } }],
    [{ type: 'call', subject: 'x' }],
    [{ type: 'call', subject: 'x', related: { type: 'invoice', id: 'a' } }],
    [{ type: 'call', subject: 'x', related: { type: 'account', id: 'a' }, dueAt: 'tomorrow' }],
    [{ type: 'call', subject: 'x', related: { type: 'account', id: 'a' }, durationMinutes: -5 }],
    [{ type: 'call', subject: 'x', related: { type: 'account', id: 'a' }, status: 'cancelled' }],
  ])('POST /activities %j → 400', async (body) => {
    const answer = await call('POST', '/activities', { token: tokens.sales, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });

  it('refuses half a related filter, a bad status, an empty PATCH and a bad done body', async () => {
    const created = await createActivity();
    for (const answer of [
      await call('GET', '/activities?relatedType=account', { token: tokens.sales }),
      await call('GET', '/activities?status=maybe', { token: tokens.sales }),
      await call('PATCH', `/activities/${created.id}`, { token: tokens.sales, body: {}, headers: { 'if-match': '1' } }),
      await call('POST', `/activities/${created.id}/done`, { token: tokens.sales, body: { durationMinutes: 'long' } }),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
  });
});

describe('demo data', () => {
  it("gives the sales rep a day with overdue, today's and upcoming work", async () => {
    const day = await call('GET', '/activities/my-day', { token: tokens.sales });
    expect(day.status).toBe(200);
    expect(day.body.overdue.map((a: any) => a.subject)).toContain('Follow up on the warehouse lunch proposal');
    expect(day.body.today.map((a: any) => a.subject)).toContain('Menu tasting at PT. KITA');
    expect(day.body.upcoming.map((a: any) => a.subject)).toContain('Prepare the quotation for the Cikarang trial');
    const logged = await call('GET', `/activities?relatedType=contact&relatedId=${ids.hendra}&status=done`, { token: tokens.sales });
    expect(logged.body.items.find((a: any) => a.subject === 'Headcount and menu for the Cikarang trial')).toMatchObject({ type: 'call', status: 'done', accountId: ids.kita, durationMinutes: 20 });
  });
});
