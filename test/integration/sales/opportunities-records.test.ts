import { randomUUID } from 'node:crypto';
import { DEFAULT_STAGES } from '../../../shared/modules/sales/domain/sales-vocabulary';
import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { newRepId, refusedOwnerIds } from '../../support/owners.helper';
import { createOpportunity, ids, patch, setUpOpportunities, tokens } from './opportunities.fixture';

beforeAll(setUpOpportunities, SETUP_TIMEOUT_MS);

describe('opportunity CRUD', () => {
  it('creates in the first stage with its probability and reads it back', async () => {
    const created = await createOpportunity({ contactId: ids.hendra, expectedCloseDate: '2026-12-15', priority: 2 });
    expect(created).toMatchObject({ accountId: ids.kita, contactId: ids.hendra, stage: 'new', probability: 10, probabilityManual: false, status: 'open', priority: 2, ownerId: ids.salesUser, version: 1, expectedRevenue: { amount: 150_000_000, currency: 'IDR' } });
    const read = await call('GET', `/opportunities/${created.id}`, { token: tokens.service });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it('takes a probability given at creation as set by hand', async () => {
    const created = await createOpportunity({ stage: 'qualified', probability: 40 });
    expect(created).toMatchObject({ stage: 'qualified', probability: 40, probabilityManual: true });
  });

  it('changes fields with If-Match: 428 without, 409 when stale', async () => {
    const created = await createOpportunity();
    expect((await call('PATCH', `/opportunities/${created.id}`, { token: tokens.sales, body: { name: 'X' } })).status).toBe(428);
    const changed = await patch(created.id, 1, { name: 'Menu trial 250 staff', expectedCloseDate: '2027-01-31', expectedRevenue: { amount: 99_000, currency: 'IDR' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Menu trial 250 staff', expectedCloseDate: '2027-01-31', version: 2, expectedRevenue: { amount: 99_000 } });
    const stale = await patch(created.id, 1, { name: 'Stale' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const cleared = await call('PATCH', `/opportunities/${created.id}`, { token: tokens.sales, body: { expectedCloseDate: null, version: 2 } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.expectedCloseDate).toBeUndefined();
    expect((await call('GET', `/opportunities/${created.id}`, { token: tokens.sales })).body.version).toBe(3);
  });

  it('answers 404 for an unknown opportunity and an unknown account', async () => {
    expect((await call('GET', `/opportunities/${randomUUID()}`, { token: tokens.sales })).status).toBe(404);
    expect((await patch(randomUUID(), 1, { name: 'x' })).status).toBe(404);
    const noAccount = await call('POST', '/opportunities', { token: tokens.sales, body: { name: 'x', accountId: randomUUID(), expectedRevenue: { amount: 1, currency: 'IDR' } } });
    expect(noAccount.status).toBe(404);
  });

  it('takes as owner only a staff login that is not disabled: 422 unknown_owner otherwise, nothing stored or changed', async () => {
    const opportunity = await createOpportunity();
    for (const [what, ownerId] of await refusedOwnerIds(tokens)) {
      const created = await call('POST', '/opportunities', { token: tokens.sales, body: { name: `Milik ${what}`, accountId: ids.kita, expectedRevenue: { amount: 1_000, currency: 'IDR' }, ownerId } });
      const changed = await patch(opportunity.id, 1, { ownerId });
      expect([what, created.status, created.body.error?.code, changed.status, changed.body.error?.code]).toEqual([what, 422, 'unknown_owner', 422, 'unknown_owner']);
      expect((await call('GET', `/opportunities?ownerId=${ownerId}`, { token: tokens.sales })).body.items).toEqual([]);
    }
    expect((await call('GET', `/opportunities/${opportunity.id}`, { token: tokens.sales })).body).toMatchObject({ ownerId: ids.salesUser, version: 1 });

    const rep = await newRepId(tokens.admin);
    expect(await createOpportunity({ ownerId: rep })).toMatchObject({ ownerId: rep });
    const handedOver = await patch(opportunity.id, 1, { ownerId: rep });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ ownerId: rep, version: 2 });
  });

  it('filters by account, owner and stage', async () => {
    const owner = await newRepId(tokens.admin);
    const a = await createOpportunity({ accountId: ids.sinar, ownerId: owner, stage: 'proposition' });
    const b = await createOpportunity({ accountId: ids.sinar, ownerId: owner });
    const byAccount = await call('GET', `/opportunities?accountId=${ids.sinar}&limit=100`, { token: tokens.sales });
    expect(byAccount.status).toBe(200);
    expect(byAccount.body.items.map((o: any) => o.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const byOwner = await call('GET', `/opportunities?ownerId=${owner}`, { token: tokens.sales });
    expect(byOwner.body.items.map((o: any) => o.id).sort()).toEqual([a.id, b.id].sort());
    const byOwnerStage = await call('GET', `/opportunities?ownerId=${owner}&stage=proposition`, { token: tokens.sales });
    expect(byOwnerStage.body.items.map((o: any) => o.id)).toEqual([a.id]);
    const byStage = await call('GET', '/opportunities?stage=proposition&limit=100', { token: tokens.sales });
    expect(byStage.body.items.every((o: any) => o.stage === 'proposition' && o.status === 'open')).toBe(true);
    expect(byStage.body.items.map((o: any) => o.id)).toContain(a.id);
    const mine = await call('GET', '/opportunities?limit=100', { token: tokens.sales });
    expect(mine.body.items.every((o: any) => o.ownerId === ids.salesUser)).toBe(true);
  });

  it('pages a list with a cursor bound to the caller', async () => {
    const owner = await newRepId(tokens.admin);
    for (let i = 0; i < 3; i++) await createOpportunity({ ownerId: owner });
    const first = await call('GET', `/opportunities?ownerId=${owner}&limit=2`, { token: tokens.sales });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call('GET', `/opportunities?ownerId=${owner}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: tokens.sales });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const stolen = await call('GET', `/opportunities?ownerId=${owner}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: tokens.admin });
    expect(stolen.status).toBe(400);
  });
});

describe('access', () => {
  const routes = (id: string) => [
    { method: 'GET', path: '/pipeline/stages' },
    { method: 'PUT', path: '/pipeline/stages', body: { stages: DEFAULT_STAGES } },
    { method: 'GET', path: '/pipeline/board' },
    { method: 'GET', path: '/pipeline/board/new' },
    { method: 'GET', path: '/pipeline/forecast' },
    { method: 'GET', path: '/opportunities' },
    { method: 'POST', path: '/opportunities', body: { name: 'x', accountId: ids.kita, expectedRevenue: { amount: 1, currency: 'IDR' } } },
    { method: 'GET', path: `/opportunities/${id}` },
    { method: 'PATCH', path: `/opportunities/${id}`, body: { name: 'x' }, headers: { 'if-match': '1' } },
    { method: 'GET', path: `/opportunities/${id}/history` },
    { method: 'POST', path: `/opportunities/${id}/won` },
    { method: 'POST', path: `/opportunities/${id}/lost`, body: { reason: 'x' } },
  ];

  it('refuses customers, partners and investors (403) and anonymous callers (401) on every route, changing nothing', async () => {
    const created = await createOpportunity({ accountId: ids.kita });
    for (const route of routes(created.id)) {
      for (const who of ['customer', 'partner', 'investor'] as const) {
        const answer = await call(route.method, route.path, { token: tokens[who], body: route.body, headers: route.headers });
        expect([route.method, route.path, who, answer.status]).toEqual([route.method, route.path, who, 403]);
      }
      const anonymous = await call(route.method, route.path, { body: route.body, headers: route.headers });
      expect([route.method, route.path, anonymous.status]).toEqual([route.method, route.path, 401]);
    }
    expect((await call('GET', `/opportunities/${created.id}`, { token: tokens.sales })).body).toEqual(created);
  });

  it('lets service staff read the pipeline but not change it', async () => {
    const created = await createOpportunity();
    expect((await call('GET', '/pipeline/board', { token: tokens.service })).status).toBe(200);
    expect((await call('GET', `/opportunities/${created.id}`, { token: tokens.service })).status).toBe(200);
    expect((await patch(created.id, 1, { name: 'x' }, tokens.service)).status).toBe(403);
    expect((await call('POST', `/opportunities/${created.id}/won`, { token: tokens.service })).status).toBe(403);
    expect((await call('POST', '/opportunities', { token: tokens.service, body: { name: 'x', accountId: ids.kita, expectedRevenue: { amount: 1, currency: 'IDR' } } })).status).toBe(403);
  });
});

describe('bad input', () => {
  it.each([
    ['POST', '/opportunities', {}],
    ['POST', '/opportunities', { name: 'x', accountId: 'a', expectedRevenue: { amount: 1.5, currency: 'IDR' } }],
    ['POST', '/opportunities', { name: 'x', accountId: 'a', expectedRevenue: { amount: 1, currency: 'idr' } }],
    ['POST', '/opportunities', { name: 'x', accountId: 'a', expectedRevenue: { amount: 1, currency: 'IDR' }, probability: 101 }],
    ['POST', '/opportunities', { name: 'x', accountId: 'a', expectedRevenue: { amount: 1, currency: 'IDR' }, priority: 4 }],
    ['POST', '/opportunities', { name: 'x', accountId: 'a', expectedRevenue: { amount: 1, currency: 'IDR' }, extra: true }],
    ['POST', '/opportunities', { name: 'x', accountId: 'a', expectedRevenue: { amount: 1, currency: 'IDR' }, expectedCloseDate: '31/12/2026' }],
    ['PUT', '/pipeline/stages', { stages: [{ id: 'Bad Id', name: 'x', probability: 1 }] }],
  ])('%s %s %j → 400', async (method, path, body) => {
    const answer = await call(method, path, { token: tokens.admin, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });

  it('takes an expected revenue in any ISO currency, from 0 to the one money bound, and refuses the rest with 400 whatever the way in', async () => {
    for (const currency of ['IDR', 'USD', 'JPY']) expect((await createOpportunity({ expectedRevenue: { amount: 1_000, currency } })).expectedRevenue).toEqual({ amount: 1_000, currency });
    expect((await createOpportunity({ expectedRevenue: { amount: 0, currency: 'IDR' } })).expectedRevenue.amount).toBe(0);
    expect((await createOpportunity({ expectedRevenue: { amount: 1e15, currency: 'IDR' } })).expectedRevenue.amount).toBe(1e15);

    const created = await createOpportunity();
    const lead = await call('POST', '/leads', { token: tokens.sales, body: { title: `Money ${randomUUID()}`, contactName: 'Budi Uang' } });
    expect(lead.status).toBe(201);
    const refused = [{ amount: -500, currency: 'IDR' }, { amount: 9e15, currency: 'IDR' }, { amount: 1_000, currency: 'BTC' }, { amount: 1_000, currency: 'QQQ' }, { amount: 1_000, currency: 'XXX' }];
    for (const expectedRevenue of refused) {
      for (const answer of [
        await call('POST', '/opportunities', { token: tokens.sales, body: { name: 'Catering', accountId: ids.kita, expectedRevenue } }),
        await patch(created.id, 1, { expectedRevenue }),
        await call('POST', `/leads/${lead.body.id}/convert`, { token: tokens.sales, body: { opportunity: { name: 'Catering', expectedRevenue } } }),
      ]) {
        expect([expectedRevenue, answer.status, answer.body.error?.code]).toEqual([expectedRevenue, 400, 'validation_failed']);
      }
    }
    expect((await call('GET', `/opportunities/${created.id}`, { token: tokens.sales })).body).toMatchObject({ version: 1, expectedRevenue: created.expectedRevenue });
    expect((await call('GET', `/leads/${lead.body.id}`, { token: tokens.sales })).body.status).toBe('new');
  });

  it('refuses an empty PATCH, a lost without reason and bad list queries', async () => {
    const created = await createOpportunity();
    for (const answer of [
      await patch(created.id, 1, {}),
      await patch(created.id, 1, { probability: -1 }),
      await call('POST', `/opportunities/${created.id}/lost`, { token: tokens.sales, body: {} }),
      await call('GET', '/opportunities?limit=0', { token: tokens.sales }),
      await call('GET', '/pipeline/board?limit=1000', { token: tokens.sales }),
      await call('GET', '/opportunities?cursor=forged', { token: tokens.sales }),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toMatch(/validation_failed|invalid_cursor/);
    }
  });
});

describe('contract', () => {
  it('publishes the pipeline, opportunity and activity routes in the OpenAPI document', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/pipeline/stages', '/pipeline/board', '/pipeline/board/{stageId}', '/pipeline/forecast', '/opportunities', '/opportunities/{id}', '/opportunities/{id}/history', '/opportunities/{id}/won', '/opportunities/{id}/lost', '/activities', '/activities/my-day', '/activities/{id}', '/activities/{id}/done']),
    );
  });
});
