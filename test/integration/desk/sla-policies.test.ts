import { randomUUID } from 'node:crypto';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';
import { seedDefaultSlaPolicy } from '../../../shared/modules/desk/services/sla-policy.service';
import { slaPolicyRepository } from '../../../shared/modules/desk/db/sla-policy.repository';

let tokens: Record<DemoLogin, string>;

beforeAll(async () => {
  tokens = await demoWorld();
}, SETUP_TIMEOUT_MS);

const workday = { start: '08:00', end: '17:00' };
const TARGETS = {
  low: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
  high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
};

/** A valid create body; `extra` replaces top-level fields. */
const body = (extra: Record<string, unknown> = {}) => ({ name: `Key accounts ${tag()}`, businessHours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday }, targets: TARGETS, ...extra });

async function createPolicy(extra: Record<string, unknown> = {}, token = tokens.service) {
  const answer = await call('POST', '/sla-policies', { token, body: body(extra) });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function allPolicies(token = tokens.service): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const answer: any = await call('GET', `/sla-policies?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

describe('SLA policies', () => {
  it('seeds the shipped default policy once, however often the seed runs', async () => {
    await seedDefaultSlaPolicy();
    expect(await seedDefaultSlaPolicy()).toEqual({ seeded: false });
    const read = await call('GET', '/sla-policies/default', { token: tokens.service });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: 'default',
      name: 'Standard support',
      timeZone: 'Asia/Jakarta',
      businessHours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday },
      targets: TARGETS,
      pauseStatuses: ['pending'],
      appliesTo: {},
      active: true,
      version: 1,
    });
    expect(read.body.businessHours.sat).toBeUndefined();
    expect(read.body.holidays).toEqual(expect.arrayContaining(['2026-01-16', '2026-12-25', '2027-08-17']));
    expect((await allPolicies()).filter((p) => p.id === 'default')).toHaveLength(1);
  });

  it('creates a policy with defaults filled in and reads it back in the API shape', async () => {
    const created = await call('POST', '/sla-policies', { token: tokens.service, body: body({ name: 'Email VIP', appliesTo: { channels: ['email'], accountTiers: ['high'], categories: ['Billing'] }, holidays: ['2026-01-16'] }) });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Email VIP',
      timeZone: 'Asia/Jakarta',
      businessHours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday },
      holidays: ['2026-01-16'],
      targets: TARGETS,
      pauseStatuses: ['pending'],
      appliesTo: { channels: ['email'], accountTiers: ['high'], categories: ['Billing'] },
      rank: 100,
      active: true,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: created.body.createdAt,
    });
    const read = await call('GET', `/sla-policies/${created.body.id}`, { token: tokens.sales });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('lists policies by rank, as numbers, across pages', async () => {
    const [fifty, nine, five] = [await createPolicy({ rank: 50 }), await createPolicy({ rank: 9 }), await createPolicy({ rank: 5, timeZone: 'Europe/Amsterdam' })];
    const all = await allPolicies(tokens.sales);
    const ranks = all.map((p) => p.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const ids = all.map((p) => p.id);
    expect(ids.indexOf(five.id)).toBeLessThan(ids.indexOf(nine.id));
    expect(ids.indexOf(nine.id)).toBeLessThan(ids.indexOf(fifty.id));
    expect(all.find((p) => p.id === five.id).timeZone).toBe('Europe/Amsterdam');
  });

  it('changes a policy only with its current version: 428 without, 409 when stale, 404 when missing', async () => {
    const policy = await createPolicy();
    const withoutVersion = await call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.service, body: { name: 'Renamed' } });
    expect(withoutVersion.status).toBe(428);
    expect(withoutVersion.body.error.code).toBe('precondition_required');

    const changes = { rank: 7, active: false, pauseStatuses: ['pending', 'new'], businessHours: { sat: { start: '09:00', end: '13:00' } }, targets: { ...TARGETS, urgent: { firstResponseMinutes: 15, resolutionMinutes: 120 } } };
    const patched = await call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: changes });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...changes, name: policy.name, version: 2 });
    expect(patched.body.businessHours).toEqual({ sat: { start: '09:00', end: '13:00' } });

    const stale = await call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { name: 'Late' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const byBody = await call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.admin, body: { name: 'Renamed', version: 2 } });
    expect(byBody.status).toBe(200);
    expect(byBody.body).toMatchObject({ name: 'Renamed', version: 3, rank: 7 });

    const missing = await call('PATCH', `/sla-policies/${randomUUID()}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { name: 'x' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const read = await call('GET', `/sla-policies/${policy.id}`, { token: tokens.service });
    expect(read.body).toEqual(byBody.body);
  });

  it('hands the ticket service the active policies only, lowest rank first, as clock rules', async () => {
    await seedDefaultSlaPolicy();
    const retired = await createPolicy({ rank: 1, active: false });
    const phone = await createPolicy({ rank: 2, appliesTo: { channels: ['phone'] }, holidays: ['2026-01-16'], timeZone: 'Asia/Makassar' });
    const active = await slaPolicyRepository.listActive();
    const ids = active.map((p) => p.id);
    expect(ids).not.toContain(retired.id);
    expect(ids).toEqual(expect.arrayContaining([phone.id, 'default']));
    expect(active.every((p) => p.active)).toBe(true);
    expect(active.map((p) => p.rank)).toEqual([...active.map((p) => p.rank)].sort((a, b) => a - b));
    expect(active.find((p) => p.id === phone.id)).toEqual({
      id: phone.id,
      name: phone.name,
      calendar: { timeZone: 'Asia/Makassar', hours: phone.businessHours, holidays: ['2026-01-16'] },
      targets: TARGETS,
      pauseStatuses: ['pending'],
      appliesTo: { channels: ['phone'] },
      rank: 2,
      active: true,
    });
    expect(await slaPolicyRepository.getRules(retired.id)).toMatchObject({ id: retired.id, active: false });
    expect(await slaPolicyRepository.getRules(randomUUID())).toBeUndefined();
  });

  it('publishes the routes and their shapes in the OpenAPI document', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths['/sla-policies'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.body.paths['/sla-policies/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(Object.keys(doc.body.components.schemas.SlaPolicy.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'timeZone', 'businessHours', 'holidays', 'targets', 'pauseStatuses', 'appliesTo', 'rank', 'active', 'version', 'createdAt', 'updatedAt']),
    );
    expect(doc.body.components.schemas.SlaPolicyCreate.additionalProperties).toBe(false);
  });

  it('replays a create with the same Idempotency-Key instead of creating twice', async () => {
    const key = randomUUID();
    const request = body();
    const first = await call('POST', '/sla-policies', { token: tokens.service, headers: { 'idempotency-key': key }, body: request });
    const again = await call('POST', '/sla-policies', { token: tokens.service, headers: { 'idempotency-key': key }, body: request });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await allPolicies()).filter((p) => p.name === request.name)).toHaveLength(1);
    const otherBody = await call('POST', '/sla-policies', { token: tokens.service, headers: { 'idempotency-key': key }, body: body() });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.error.code).toBe('idempotency_key_reused');
  });
});

describe('SLA policy input', () => {
  const hours = (mon: unknown) => ({ businessHours: { mon } });
  const target = (priority: string, value: unknown) => ({ targets: { ...TARGETS, [priority]: value } });

  it.each<[string, Record<string, unknown>, string]>([
    ['a time without two-digit hours', hours({ start: '8:00', end: '17:00' }), 'businessHours.mon.start'],
    ['a time past 23:59', hours({ start: '08:00', end: '24:00' }), 'businessHours.mon.end'],
    ['closing before opening', hours({ start: '17:00', end: '08:00' }), 'businessHours.mon.end'],
    ['closing at opening', hours({ start: '08:00', end: '08:00' }), 'businessHours.mon.end'],
    ['an unknown field in the hours', hours({ start: '08:00', end: '17:00', lunch: '12:00' }), 'businessHours.mon'],
    ['no open weekday', { businessHours: {} }, 'businessHours'],
    ['a weekday spelled out', { businessHours: { monday: workday } }, 'businessHours'],
    ['an unknown time zone', { timeZone: 'Asia/Atlantis' }, 'timeZone'],
    ['a text that is no zone name', { timeZone: 'GMT+7 Jakarta' }, 'timeZone'],
    ['a fixed offset instead of a zone', { timeZone: 'UTC+7' }, 'timeZone'],
    ["the server's own zone", { timeZone: 'local' }, 'timeZone'],
    ['a holiday that is no date', { holidays: ['2026-13-01'] }, 'holidays.0'],
    ['a holiday in another format', { holidays: ['16/01/2026'] }, 'holidays.0'],
    ['a holiday twice', { holidays: ['2026-01-16', '2026-01-16'] }, 'holidays'],
    ['a priority without targets', { targets: { low: TARGETS.low, normal: TARGETS.normal, high: TARGETS.high } }, 'targets.urgent'],
    ['an unknown priority', { targets: { ...TARGETS, critical: TARGETS.urgent } }, 'targets'],
    ['zero minutes', target('low', { firstResponseMinutes: 0, resolutionMinutes: 60 }), 'targets.low.firstResponseMinutes'],
    ['fractional minutes', target('high', { firstResponseMinutes: 30.5, resolutionMinutes: 480 }), 'targets.high.firstResponseMinutes'],
    ['minutes past the maximum', target('normal', { firstResponseMinutes: 60, resolutionMinutes: 100_001 }), 'targets.normal.resolutionMinutes'],
    ['minutes as text', target('normal', { firstResponseMinutes: '60', resolutionMinutes: 600 }), 'targets.normal.firstResponseMinutes'],
    ['a first response due after the resolution', target('urgent', { firstResponseMinutes: 300, resolutionMinutes: 240 }), 'targets.urgent.firstResponseMinutes'],
    ['an unknown pause status', { pauseStatuses: ['waiting'] }, 'pauseStatuses.0'],
    ['a pause status twice', { pauseStatuses: ['pending', 'pending'] }, 'pauseStatuses'],
    ['an unknown channel', { appliesTo: { channels: ['fax'] } }, 'appliesTo.channels.0'],
    ['an unknown account tier', { appliesTo: { accountTiers: ['gold'] } }, 'appliesTo.accountTiers.0'],
    ['a blank category', { appliesTo: { categories: ['  '] } }, 'appliesTo.categories.0'],
    ['an unknown selector', { appliesTo: { priorities: ['high'] } }, 'appliesTo'],
    ['a negative rank', { rank: -1 }, 'rank'],
    ['a rank past 9999', { rank: 10_000 }, 'rank'],
    ['a blank name', { name: '   ' }, 'name'],
    ['an unknown field', { color: 'red' }, ''],
  ])('refuses %s with 400 validation_failed, naming the field', async (_case, extra, path) => {
    const answer = await call('POST', '/sla-policies', { token: tokens.service, body: body(extra) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details.map((d: any) => d.path)).toContain(path);
  });

  it('refuses missing fields, malformed JSON and empty or partial patches, creating nothing', async () => {
    const before = (await allPolicies()).length;
    const empty = await call('POST', '/sla-policies', { token: tokens.service, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['name', 'businessHours', 'targets']));
    const malformed = await call('POST', '/sla-policies', { token: tokens.service, rawBody: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect((await allPolicies()).length).toBe(before);

    const policy = await createPolicy();
    const patch = (patchBody: unknown, ifMatch = '1') => call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.service, headers: { 'if-match': ifMatch }, body: patchBody });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ targets: { urgent: TARGETS.urgent } })).status).toBe(400);
    expect((await patch({ businessHours: { mon: { start: '18:00', end: '09:00' } } })).status).toBe(400);
    const badVersion = await patch({ name: 'x' }, 'abc');
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.code).toBe('invalid_if_match');
    expect((await call('GET', '/sla-policies?limit=0', { token: tokens.service })).status).toBe(400);
    expect((await call('GET', `/sla-policies/${policy.id}`, { token: tokens.service })).body.version).toBe(1);
  });
});

describe('who may read and keep SLA policies', () => {
  let policy: any;

  beforeAll(async () => {
    policy = await createPolicy({ name: 'Confidential tier policy' }, tokens.admin);
  });

  it('lets every staff member read', async () => {
    for (const who of ['admin', 'sales', 'service'] as const) {
      expect((await call('GET', '/sla-policies', { token: tokens[who] })).status).toBe(200);
      const read = await call('GET', `/sla-policies/${policy.id}`, { token: tokens[who] });
      expect([who, read.status, read.body.name]).toEqual([who, 200, 'Confidential tier policy']);
    }
  });

  it('lets admin and service staff write, and refuses other staff with 403', async () => {
    expect((await call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.admin, headers: { 'if-match': '1' }, body: { rank: 42 } })).status).toBe(200);
    expect((await call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.service, headers: { 'if-match': '2' }, body: { rank: 43 } })).status).toBe(200);
    const create = await call('POST', '/sla-policies', { token: tokens.sales, body: body() });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('forbidden');
    const patch = await call('PATCH', `/sla-policies/${policy.id}`, { token: tokens.sales, headers: { 'if-match': '3' }, body: { active: false } });
    expect(patch.status).toBe(403);
    expect((await call('GET', `/sla-policies/${policy.id}`, { token: tokens.admin })).body).toMatchObject({ rank: 43, active: true, version: 3 });
  });

  it.each(['customer', 'partner', 'investor'] as const)('answers %s as if no policy existed, and changes nothing', async (who) => {
    const token = tokens[who];
    const existing = await call('GET', `/sla-policies/${policy.id}`, { token });
    const missing = await call('GET', `/sla-policies/${randomUUID()}`, { token });
    expect(existing.status).toBe(404);
    expect(existing.body).toEqual(missing.body);
    expect(JSON.stringify(existing.body)).not.toContain('Confidential');
    const list = await call('GET', '/sla-policies', { token });
    expect([list.status, list.body.error.code, list.body.items]).toEqual([404, 'not_found', undefined]);
    const create = await call('POST', '/sla-policies', { token, body: body({ name: `Sneaky ${who}` }) });
    expect(create.status).toBe(404);
    const patchExisting = await call('PATCH', `/sla-policies/${policy.id}`, { token, headers: { 'if-match': '3' }, body: { active: false } });
    const patchMissing = await call('PATCH', `/sla-policies/${randomUUID()}`, { token, headers: { 'if-match': '3' }, body: { active: false } });
    expect(patchExisting.status).toBe(404);
    expect(patchExisting.body).toEqual(patchMissing.body);
    expect((await call('GET', `/sla-policies/${policy.id}`, { token: tokens.admin })).body).toMatchObject({ active: true, version: 3 });
    expect((await allPolicies()).map((p) => p.name)).not.toContain(`Sneaky ${who}`);
  });

  it('asks anonymous callers and bogus tokens to sign in', async () => {
    const requests: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', '/sla-policies'],
      ['GET', `/sla-policies/${policy.id}`],
      ['POST', '/sla-policies', body()],
      ['PATCH', `/sla-policies/${policy.id}`, { active: false }, { 'if-match': '3' }],
    ];
    for (const [method, path, requestBody, headers] of requests) {
      for (const token of [undefined, 'not-a-real-session-token']) {
        const answer = await call(method, path, { token, body: requestBody, headers });
        expect([method, path, answer.status, answer.body.error.code]).toEqual([method, path, 401, 'unauthenticated']);
      }
    }
  });
});
