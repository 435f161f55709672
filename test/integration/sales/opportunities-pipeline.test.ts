import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { newRepId } from '../../support/owners.helper';
import { createOpportunity, ids, patch, setUpOpportunities, tokens } from './opportunities.fixture';

beforeAll(setUpOpportunities, SETUP_TIMEOUT_MS);

/** Currencies no other test here uses (IDR, USD, JPY are taken), so the running totals they show are one test's alone. */
const spareCurrencies = ['CHF', 'NOK', 'SEK'];
const freshCurrency = () => spareCurrencies.shift()!;

async function board(limit = 100) {
  const answer = await call('GET', `/pipeline/board?limit=${limit}`, { token: tokens.sales });
  expect(answer.status).toBe(200);
  return answer.body as { columns: { stage: { id: string }; opportunities: any[]; nextCursor: string | null; totals: { currency: string; count: number; amount: number; weighted: number }[] }[] };
}

const totalsOf = (b: Awaited<ReturnType<typeof board>>, stage: string, currency: string) =>
  b.columns.find((c) => c.stage.id === stage)!.totals.find((t) => t.currency === currency) ?? { currency, count: 0, amount: 0, weighted: 0 };

describe('stages', () => {
  it('lists the default stages in order', async () => {
    const answer = await call('GET', '/pipeline/stages', { token: tokens.service });
    expect(answer.status).toBe(200);
    expect(answer.body.map((s: any) => [s.id, s.probability, s.isWon, s.isLost])).toEqual([
      ['new', 10, false, false],
      ['qualified', 25, false, false],
      ['proposition', 50, false, false],
      ['negotiation', 75, false, false],
      ['won', 100, true, false],
      ['lost', 0, false, true],
    ]);
  });
});

describe('moving cards', () => {
  it('sets the stage probability on a move unless it was set by hand', async () => {
    const created = await createOpportunity();
    const moved = await patch(created.id, 1, { stage: 'proposition' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'proposition', probability: 50, probabilityManual: false, version: 2 });
    const manual = await patch(created.id, 2, { probability: 60 });
    expect(manual.body).toMatchObject({ probability: 60, probabilityManual: true });
    const movedAgain = await patch(created.id, 3, { stage: 'negotiation' });
    expect(movedAgain.body).toMatchObject({ stage: 'negotiation', probability: 60, probabilityManual: true });
    const both = await patch(created.id, 4, { stage: 'qualified', probability: 30 });
    expect(both.body).toMatchObject({ stage: 'qualified', probability: 30 });
  });

  it('refuses a move to the won or lost stage (422) and to an unknown stage (400)', async () => {
    const created = await createOpportunity();
    const won = await patch(created.id, 1, { stage: 'won' });
    expect(won.status).toBe(422);
    expect(won.body.error.code).toBe('use_won_lost');
    expect((await patch(created.id, 1, { stage: 'lost' })).status).toBe(422);
    const unknown = await patch(created.id, 1, { stage: 'nowhere' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('validation_failed');
    expect((await call('GET', `/opportunities/${created.id}`, { token: tokens.sales })).body).toMatchObject({ stage: 'new', version: 1 });
  });
});

describe('won and lost', () => {
  it('wins once; a second close answers 422', async () => {
    const created = await createOpportunity();
    const won = await call('POST', `/opportunities/${created.id}/won`, { token: tokens.sales });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ status: 'won', stage: 'won', probability: 100, version: 2 });
    const again = await call('POST', `/opportunities/${created.id}/won`, { token: tokens.sales });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('opportunity_closed');
    expect((await call('POST', `/opportunities/${created.id}/lost`, { token: tokens.sales, body: { reason: 'x' } })).status).toBe(422);
    expect((await patch(created.id, 2, { stage: 'new' })).status).toBe(422);
  });

  it('loses with a reason; a stale If-Match answers 409', async () => {
    const created = await createOpportunity();
    expect((await call('POST', `/opportunities/${created.id}/lost`, { token: tokens.sales, body: { reason: 'Price' }, headers: { 'if-match': '7' } })).status).toBe(409);
    const lost = await call('POST', `/opportunities/${created.id}/lost`, { token: tokens.sales, body: { reason: 'Chose a cheaper caterer' }, headers: { 'if-match': '1' } });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ status: 'lost', stage: 'lost', probability: 0, lostReason: 'Chose a cheaper caterer' });
    expect((await call('POST', `/opportunities/${created.id}/lost`, { token: tokens.sales, body: { reason: 'again' } })).status).toBe(422);
  });

  it('keeps the stage history and shows every step on the account timeline', async () => {
    const created = await createOpportunity({ accountId: ids.sinar });
    await patch(created.id, 1, { stage: 'qualified' });
    await patch(created.id, 2, { stage: 'negotiation' });
    await call('POST', `/opportunities/${created.id}/won`, { token: tokens.sales });
    const history = await call('GET', `/opportunities/${created.id}/history`, { token: tokens.sales });
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: any) => [h.kind, h.from ?? null, h.to])).toEqual([
      ['created', null, 'new'],
      ['moved', 'new', 'qualified'],
      ['moved', 'qualified', 'negotiation'],
      ['won', 'negotiation', 'won'],
    ]);
    expect(history.body.items.every((h: any) => h.actorId === ids.salesUser && typeof h.at === 'string')).toBe(true);
    const timeline = await call('GET', `/accounts/${ids.sinar}/timeline?limit=100`, { token: tokens.sales });
    const titles = timeline.body.items.filter((i: any) => i.type === 'opportunity' && i.id === created.id).map((i: any) => i.title);
    expect(titles).toEqual(['Opportunity won', 'Stage: Qualified → Negotiation', 'Stage: New → Qualified', 'Opportunity created']);
  });
});

describe('board', () => {
  it('has one column per open stage, in order, cards by priority then age', async () => {
    const currency = freshCurrency();
    const low = await createOpportunity({ stage: 'qualified', expectedRevenue: { amount: 100, currency } });
    const high = await createOpportunity({ stage: 'qualified', priority: 3, expectedRevenue: { amount: 100, currency } });
    const low2 = await createOpportunity({ stage: 'qualified', expectedRevenue: { amount: 100, currency } });
    const b = await board();
    expect(b.columns.map((c) => c.stage.id)).toEqual(['new', 'qualified', 'proposition', 'negotiation']);
    const order = b.columns[1]!.opportunities.map((o) => o.id).filter((id) => [low.id, high.id, low2.id].includes(id));
    expect(order).toEqual([high.id, low.id, low2.id]);
  });

  it('keeps column totals and weighted totals right through creates, moves, changes and closes', async () => {
    const currency = freshCurrency();
    const a = await createOpportunity({ stage: 'qualified', expectedRevenue: { amount: 1_000_001, currency } });
    const b = await createOpportunity({ stage: 'qualified', expectedRevenue: { amount: 3_333, currency } });
    const c = await createOpportunity({ stage: 'proposition', expectedRevenue: { amount: 2_000, currency }, probability: 33 });
    let now = await board();
    // 25 % of 1,000,001 = 250,000.25 → 250,000; of 3,333 = 833.25 → 833; 33 % of 2,000 = 660.
    expect(totalsOf(now, 'qualified', currency)).toEqual({ currency, count: 2, amount: 1_003_334, weighted: 250_833 });
    expect(totalsOf(now, 'proposition', currency)).toEqual({ currency, count: 1, amount: 2_000, weighted: 660 });

    await patch(b.id, 1, { stage: 'proposition' }); // 50 % of 3,333 = 1,666.5 → 1,667
    await patch(a.id, 1, { expectedRevenue: { amount: 2_000_000, currency } });
    now = await board();
    expect(totalsOf(now, 'qualified', currency)).toEqual({ currency, count: 1, amount: 2_000_000, weighted: 500_000 });
    expect(totalsOf(now, 'proposition', currency)).toEqual({ currency, count: 2, amount: 5_333, weighted: 2_327 });

    await patch(c.id, 1, { probability: 90 });
    await call('POST', `/opportunities/${b.id}/won`, { token: tokens.sales });
    await call('POST', `/opportunities/${a.id}/lost`, { token: tokens.sales, body: { reason: 'No budget' } });
    now = await board();
    expect(totalsOf(now, 'qualified', currency)).toEqual({ currency, count: 0, amount: 0, weighted: 0 });
    expect(totalsOf(now, 'proposition', currency)).toEqual({ currency, count: 1, amount: 2_000, weighted: 1_800 });
  });

  it('pages each column on its own cursor', async () => {
    for (let i = 0; i < 3; i++) await createOpportunity({ stage: 'negotiation' });
    const b = await board(2);
    const column = b.columns.find((c) => c.stage.id === 'negotiation')!;
    expect(column.opportunities).toHaveLength(2);
    expect(column.nextCursor).toEqual(expect.any(String));
    const seen = column.opportunities.map((o) => o.id);
    let cursor = column.nextCursor;
    while (cursor) {
      const more = await call('GET', `/pipeline/board/negotiation?limit=2&cursor=${encodeURIComponent(cursor)}`, { token: tokens.sales });
      expect(more.status).toBe(200);
      expect(more.body.stage.id).toBe('negotiation');
      seen.push(...more.body.opportunities.map((o: any) => o.id));
      cursor = more.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(totalsOf(b, 'negotiation', 'IDR').count + b.columns.find((c) => c.stage.id === 'negotiation')!.totals.filter((t) => t.currency !== 'IDR').reduce((n, t) => n + t.count, 0));
    // A cursor of another column is refused.
    expect((await call('GET', `/pipeline/board/new?cursor=${encodeURIComponent(column.nextCursor!)}`, { token: tokens.sales })).status).toBe(400);
    expect((await call('GET', '/pipeline/board/won', { token: tokens.sales })).status).toBe(404);
  });
});

describe('forecast', () => {
  it('sums open opportunities by expected close month, weighted', async () => {
    const owner = await newRepId(tokens.admin);
    await createOpportunity({ ownerId: owner, expectedCloseDate: '2026-12-01', expectedRevenue: { amount: 1_000, currency: 'IDR' } });
    await createOpportunity({ ownerId: owner, expectedCloseDate: '2026-12-31', stage: 'proposition', expectedRevenue: { amount: 3_001, currency: 'IDR' } });
    await createOpportunity({ ownerId: owner, expectedCloseDate: '2027-02-10', expectedRevenue: { amount: 500, currency: 'USD' } });
    await createOpportunity({ ownerId: owner, expectedRevenue: { amount: 700, currency: 'IDR' } });
    const closed = await createOpportunity({ ownerId: owner, expectedCloseDate: '2026-12-05' });
    await call('POST', `/opportunities/${closed.id}/won`, { token: tokens.sales });
    const forecast = await call('GET', `/pipeline/forecast?ownerId=${owner}`, { token: tokens.sales });
    expect(forecast.status).toBe(200);
    expect(forecast.body).toEqual({
      ownerId: owner,
      months: [
        {
          month: '2026-12',
          currency: 'IDR',
          count: 2,
          amount: 4_001,
          weighted: 100 + 1_501,
          stages: [
            { stage: 'new', count: 1, amount: 1_000, weighted: 100 },
            { stage: 'proposition', count: 1, amount: 3_001, weighted: 1_501 },
          ],
        },
        { month: '2027-02', currency: 'USD', count: 1, amount: 500, weighted: 50, stages: [{ stage: 'new', count: 1, amount: 500, weighted: 50 }] },
        { month: 'unscheduled', currency: 'IDR', count: 1, amount: 700, weighted: 70, stages: [{ stage: 'new', count: 1, amount: 700, weighted: 70 }] },
      ],
    });
    const mine = await call('GET', '/pipeline/forecast', { token: tokens.sales });
    expect(mine.body.ownerId).toBe(ids.salesUser);
  });

  it('sums every rep’s open opportunities when asked for everyone’s', async () => {
    const owner = await newRepId(tokens.admin);
    await createOpportunity({ ownerId: owner, expectedCloseDate: '2031-05-02', stage: 'proposition', expectedRevenue: { amount: 2_000, currency: 'IDR' } });
    const everyone = await call('GET', '/pipeline/forecast?everyone=true', { token: tokens.sales });
    expect(everyone.status).toBe(200);
    expect(everyone.body.ownerId).toBeUndefined();
    // As many as the board's running totals count over every open column.
    const board = await call('GET', '/pipeline/board', { token: tokens.sales });
    const open = board.body.columns.flatMap((c: { totals: { count: number }[] }) => c.totals).reduce((sum: number, t: { count: number }) => sum + t.count, 0);
    const count = everyone.body.months.reduce((sum: number, m: { count: number }) => sum + m.count, 0);
    expect(count).toBe(open);
    const may = everyone.body.months.find((m: { month: string }) => m.month === '2031-05');
    expect(may).toMatchObject({ count: 1, amount: 2_000, weighted: 1_000, stages: [{ stage: 'proposition', count: 1, amount: 2_000, weighted: 1_000 }] });
  });
});

describe('stage configuration', () => {
  const stages = [
    { id: 'new', name: 'New', probability: 10 },
    { id: 'qualified', name: 'Qualified', probability: 25 },
    { id: 'demo', name: 'Menu tasting', probability: 40 },
    { id: 'proposition', name: 'Proposition', probability: 50 },
    { id: 'negotiation', name: 'Negotiation', probability: 75 },
    { id: 'won', name: 'Won', probability: 100, isWon: true },
    { id: 'lost', name: 'Lost', probability: 0, isLost: true },
  ];

  it('lets only an admin replace the stages, validated', async () => {
    expect((await call('PUT', '/pipeline/stages', { token: tokens.sales, body: { stages } })).status).toBe(403);
    const twoWon = await call('PUT', '/pipeline/stages', { token: tokens.admin, body: { stages: stages.map((s) => (s.id === 'lost' ? { ...s, isLost: false, isWon: true } : s)) } });
    expect(twoWon.status).toBe(400);
    expect(twoWon.body.error.code).toBe('validation_failed');
    const noLost = await call('PUT', '/pipeline/stages', { token: tokens.admin, body: { stages: stages.filter((s) => s.id !== 'lost') } });
    expect(noLost.status).toBe(400);
    const dropsUsed = await call('PUT', '/pipeline/stages', { token: tokens.admin, body: { stages: stages.filter((s) => s.id !== 'negotiation') } });
    expect(dropsUsed.status).toBe(422);
    expect(dropsUsed.body.error.code).toBe('stage_in_use');

    const replaced = await call('PUT', '/pipeline/stages', { token: tokens.admin, body: { stages } });
    expect(replaced.status).toBe(200);
    expect((await call('GET', '/pipeline/stages', { token: tokens.sales })).body.map((s: any) => s.id)).toEqual(stages.map((s) => s.id));
    const b = await board(1);
    expect(b.columns.map((c) => c.stage.id)).toEqual(['new', 'qualified', 'demo', 'proposition', 'negotiation']);
    const created = await createOpportunity();
    const moved = await patch(created.id, 1, { stage: 'demo' });
    expect(moved.body).toMatchObject({ stage: 'demo', probability: 40 });
  });
});

describe('demo data', () => {
  it('tells the PT. KITA story across the stages', async () => {
    const ofKita = await call('GET', `/opportunities?accountId=${ids.kita}&limit=100`, { token: tokens.sales });
    const trial = ofKita.body.items.find((o: any) => o.name === 'Menu trial — Cikarang plant (250 staff)');
    expect(trial).toMatchObject({ stage: 'negotiation', probability: 75, priority: 3, contactId: ids.hendra, ownerId: ids.salesUser, expectedRevenue: { amount: 19_250_000_000, currency: 'IDR' } });
    const stageOf = (name: string) => ofKita.body.items.find((o: any) => o.name === name)?.stage;
    expect([stageOf('Ramadan iftar packages'), stageOf('Head office coffee breaks')]).toEqual(['proposition', 'qualified']);
    const history = await call('GET', `/opportunities/${trial.id}/history`, { token: tokens.sales });
    expect(history.body.items.map((h: any) => h.to)).toEqual(['qualified', 'proposition', 'negotiation']);
    const sinar = await call('GET', `/opportunities?accountId=${ids.sinar}&limit=100`, { token: tokens.sales });
    expect(sinar.body.items.map((o: any) => o.status)).toContain('won');
  });
});
