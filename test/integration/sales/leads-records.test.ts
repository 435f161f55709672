import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { newRepId, refusedOwnerIds } from '../../support/owners.helper';
import { tag } from '../../support/sales.helper';
import { allLeads, createLead, draft, salesUserId, setUpLeads, staffWith, tokens } from './leads.fixture';

beforeAll(setUpLeads, SETUP_TIMEOUT_MS);
jest.setTimeout(60_000);

describe('demo leads', () => {
  it("tells PT. Kaktus Berduri's story: Hendra's web lead with its memo, duplicates flagged, every state present", async () => {
    const leads = await allLeads('', tokens.admin);
    const hendra = leads.find((l) => l.email === 'hendra@kita.example');
    expect(hendra).toMatchObject({ companyName: 'PT. KITA', source: 'web', status: 'new', ownerId: salesUserId });
    expect(hendra.memo).toMatch(/trial/);
    const rina = leads.find((l) => l.email === 'rina@kita.example');
    expect(rina.duplicates).toEqual([expect.objectContaining({ leadId: hendra.id, reason: 'same_domain' })]);
    expect(new Set(leads.map((l) => l.status))).toEqual(new Set(['new', 'qualified', 'disqualified', 'converted']));
  });
});

describe('lead CRUD', () => {
  it('creates a lead at version 1, scored, and reads it back', async () => {
    const t = tag();
    const created = await createLead({ title: `Trial ${t}`, companyName: `PT. Uji ${t}`, contactName: 'Hendra Gunawan', email: `Hendra@Uji-${t}.example`, phone: '+62 812 1', memo: 'Memo internal', productInterest: 'Catering', territory: 'Jakarta', ownerId: salesUserId });
    expect(created).toMatchObject({ title: `Trial ${t}`, email: `hendra@uji-${t}.example`, status: 'new', source: 'web', version: 1, duplicates: [], ownerId: salesUserId });
    // default rules: web 15 + email, phone, company 10 each + product interest, territory, memo 5 each + Catering 15
    expect(created.score).toBe(15 + 30 + 15 + 15);
    const read = await call('GET', `/leads/${created.id}`, { token: tokens.sales });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it('changes a lead with If-Match, recomputes the score, and refuses stale or missing versions', async () => {
    const lead = await createLead({ title: `Ubah ${tag()}`, contactName: 'Sari' });
    expect(lead.score).toBe(15);
    const noVersion = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, body: { phone: '+62 1' } });
    expect(noVersion.status).toBe(428);
    const changed = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { phone: '+62 1', status: 'qualified' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ phone: '+62 1', status: 'qualified', version: 2, score: 25 });
    const stale = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { title: 'Lost update' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const cleared = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, body: { phone: null, version: 2 } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.phone).toBeUndefined();
    expect(cleared.body.score).toBe(15);
    const missing = await call('PATCH', '/leads/no-such-lead', { token: tokens.sales, headers: { 'if-match': '1' }, body: { title: 'x' } });
    expect(missing.status).toBe(404);
    expect((await call('GET', '/leads/no-such-lead', { token: tokens.sales })).status).toBe(404);
  });

  it('takes as owner only a staff login that is not disabled: 422 unknown_owner otherwise, nothing stored or changed', async () => {
    const lead = await createLead({ title: `Tetap ${tag()}`, contactName: 'Sari', ownerId: salesUserId });
    for (const [what, ownerId] of await refusedOwnerIds(tokens)) {
      const created = await call('POST', '/leads', { token: tokens.sales, body: { title: `Milik ${what}`, contactName: 'Budi', source: 'web', ownerId } });
      const changed = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { ownerId } });
      expect([what, created.status, created.body.error?.code, changed.status, changed.body.error?.code]).toEqual([what, 422, 'unknown_owner', 422, 'unknown_owner']);
      expect(await allLeads(`&ownerId=${ownerId}`)).toEqual([]);
    }
    expect((await call('GET', `/leads/${lead.id}`, { token: tokens.sales })).body).toMatchObject({ ownerId: salesUserId, version: 1 });

    const rep = await newRepId(tokens.admin);
    expect(await createLead({ title: `Milik rep ${tag()}`, contactName: 'Budi', ownerId: rep })).toMatchObject({ ownerId: rep });
    const handedOver = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { ownerId: rep } });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ ownerId: rep, version: 2 });
  });

  it('lists by status and by owner with keyed, paginated queries', async () => {
    const rep = await staffWith(['sales']);
    const made = [] as any[];
    for (let i = 0; i < 3; i++) made.push(await createLead({ title: `Milik ${i}`, contactName: 'Budi', ownerId: rep.id }));
    const disq = await call('POST', `/leads/${made[0].id}/disqualify`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { reason: 'No budget' } });
    expect(disq.status).toBe(200);

    const first = await call('GET', `/leads?ownerId=${rep.id}&limit=2`, { token: tokens.sales });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call('GET', `/leads?ownerId=${rep.id}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: tokens.sales });
    expect(second.body.items).toHaveLength(1);
    expect(new Set([...first.body.items, ...second.body.items].map((l: any) => l.id))).toEqual(new Set(made.map((l) => l.id)));

    const ownerNew = await allLeads(`&ownerId=${rep.id}&status=new`);
    expect(ownerNew.map((l) => l.id).sort()).toEqual([made[1].id, made[2].id].sort());
    const disqualified = await allLeads('&status=disqualified');
    expect(disqualified.map((l) => l.id)).toContain(made[0].id);
    expect(disqualified.every((l) => l.status === 'disqualified')).toBe(true);
    const all = await allLeads();
    expect(all.map((l) => l.id)).toEqual(expect.arrayContaining(made.map((l) => l.id)));

    // A cursor belongs to its caller and its list.
    const foreign = await call('GET', `/leads?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: tokens.sales });
    expect(foreign.status).toBe(400);
  });
});

describe('disqualify', () => {
  it('disqualifies with a reason (If-Match) and a PATCH of the status reopens the lead', async () => {
    const lead = await createLead({ title: `Spam ${tag()}`, contactName: 'Joko' });
    expect((await call('POST', `/leads/${lead.id}/disqualify`, { token: tokens.sales, body: { reason: 'Sponsor request' } })).status).toBe(428);
    const done = await call('POST', `/leads/${lead.id}/disqualify`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { reason: 'Sponsor request' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'disqualified', disqualifyReason: 'Sponsor request', version: 2 });
    const convert = await call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, body: { opportunity: draft() } });
    expect(convert.status).toBe(422);
    expect(convert.body.error.code).toBe('lead_disqualified');
    const reopened = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '2' }, body: { status: 'new' } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('new');
    expect(reopened.body.disqualifyReason).toBeUndefined();
  });
});

describe('duplicate flagging', () => {
  it('flags the same e-mail, the same company domain (not free mail) and a similar company name, and follows changes', async () => {
    const t = tag();
    const a = await createLead({ title: `A ${t}`, companyName: `PT. Dup ${t}`, contactName: 'Ani', email: `ani@dup${t}.example` });
    const b = await createLead({ title: `B ${t}`, companyName: `Lain ${t}`, contactName: 'Beni', email: `beni@dup${t}.example` });
    const c = await createLead({ title: `C ${t}`, contactName: 'Ani lagi', email: `ANI@dup${t}.example` });
    const d = await createLead({ title: `D ${t}`, companyName: `dup ${t}, Tbk.`, contactName: 'Dedi', email: `dedi${t}@gmail.com` });
    const e = await createLead({ title: `E ${t}`, contactName: 'Eka', email: `eka${t}@gmail.com` });
    expect(c.duplicates).toEqual([
      { leadId: a.id, reason: 'same_email', title: `A ${t}` },
      { leadId: b.id, reason: 'same_domain', title: `B ${t}` },
    ]);
    expect(e.duplicates).toEqual([]);

    const read = await call('GET', `/leads/${a.id}`, { token: tokens.sales });
    const byLead = Object.fromEntries(read.body.duplicates.map((x: any) => [x.leadId, x.reason]));
    expect(byLead).toEqual({ [b.id]: 'same_domain', [c.id]: 'same_email', [d.id]: 'similar_company' });

    const moved = await call('PATCH', `/leads/${c.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { email: `ani@elsewhere${t}.example` } });
    expect(moved.status).toBe(200);
    expect(moved.body.duplicates).toEqual([]);
    const after = await call('GET', `/leads/${a.id}`, { token: tokens.sales });
    expect(after.body.duplicates.map((x: any) => x.leadId).sort()).toEqual([b.id, d.id].sort());
  });
});

describe('public contact-sales form', () => {
  const form = (t: string) => ({ name: `Rina ${t}`, email: `rina@form${t}.example`, companyName: `PT. Form ${t}`, message: 'We need lunch for 80 staff.', productInterest: 'Catering' });

  it('creates a web lead from an anonymous visitor', async () => {
    const t = tag();
    const answer = await call('POST', '/public/contact-sales', { body: form(t), address: `10.1.${t.length}.1`, headers: { origin: 'http://localhost:4001' } });
    expect(answer.status).toBe(202);
    const lead = (await allLeads('&status=new')).find((l) => l.email === `rina@form${t}.example`);
    expect(lead).toMatchObject({ source: 'web', contactName: `Rina ${t}`, companyName: `PT. Form ${t}`, memo: 'We need lunch for 80 staff.', productInterest: 'Catering', status: 'new' });
  });

  it('answers a filled-in honeypot like a person but creates nothing', async () => {
    const t = tag();
    const answer = await call('POST', '/public/contact-sales', { body: { ...form(t), website: 'http://spam.example' }, address: '10.2.0.1' });
    expect(answer.status).toBe(202);
    expect((await allLeads()).some((l) => l.email === `rina@form${t}.example`)).toBe(false);
  });

  it('is rate-limited per IP address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('POST', '/public/contact-sales', { body: form(tag()), address: '10.3.0.1' })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const other = await call('POST', '/public/contact-sales', { body: form(tag()), address: '10.3.0.2' });
    expect(other.status).toBe(202);
  });

  it('refuses bad input with 400', async () => {
    const answer = await call('POST', '/public/contact-sales', { body: { name: 'x', email: 'not-mail', message: '' }, address: '10.4.0.1' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });
});

describe('who may touch leads', () => {
  let leadId: string;
  beforeAll(async () => {
    leadId = (await createLead({ title: `Rahasia ${tag()}`, contactName: 'Rahasia' })).id;
  });

  const routes = (id: string) =>
    [
      ['GET', '/leads'],
      ['GET', '/leads?status=new'],
      ['POST', '/leads', { title: 'x', contactName: 'x' }],
      ['GET', `/leads/${id}`],
      ['PATCH', `/leads/${id}`, { title: 'x', version: 1 }],
      ['POST', `/leads/${id}/convert`, { opportunity: draft() }],
      ['POST', `/leads/${id}/disqualify`, { reason: 'x', version: 1 }],
      ['GET', '/lead-rules'],
      ['GET', '/lead-assignment/reps'],
    ] as const;

  it.each(['customer', 'partner', 'investor', 'service'] as const)('%s gets 403 on every lead route, for real and unknown ids', async (who) => {
    for (const id of [leadId, 'no-such-lead']) {
      for (const [method, path, body] of routes(id)) {
        const answer = await call(method, path, { token: tokens[who], body });
        expect([method, path, answer.status]).toEqual([method, path, 403]);
      }
    }
    expect((await call('PUT', `/lead-assignment/reps/${salesUserId}`, { token: tokens[who], body: { optedOut: true } })).status).toBe(403);
    const lead = await call('GET', `/leads/${leadId}`, { token: tokens.sales });
    expect(lead.body).toMatchObject({ version: 1, status: 'new' });
  });

  it('anonymous callers must sign in (the public form excepted)', async () => {
    for (const [method, path, body] of routes(leadId)) {
      expect([method, path, (await call(method, path, { body })).status]).toEqual([method, path, 401]);
    }
    const rules = (await call('GET', '/lead-rules', { token: tokens.admin })).body;
    expect((await call('PUT', '/lead-rules', { body: { scoring: rules.scoring, assignment: rules.assignment } })).status).toBe(401);
    expect((await call('PUT', `/lead-assignment/reps/${salesUserId}`, { body: { optedOut: true } })).status).toBe(401);
  });

  it('marketing reads leads but does not change them', async () => {
    const marketing = await staffWith(['marketing']);
    expect((await call('GET', `/leads/${leadId}`, { token: marketing.token })).status).toBe(200);
    expect((await call('GET', '/leads', { token: marketing.token })).status).toBe(200);
    expect((await call('POST', '/leads', { token: marketing.token, body: { title: 'x', contactName: 'x' } })).status).toBe(403);
    expect((await call('PATCH', `/leads/${leadId}`, { token: marketing.token, body: { title: 'x', version: 1 } })).status).toBe(403);
  });

  it('answers 404 for an unknown lead to sales', async () => {
    for (const [method, path, body] of routes('no-such-lead').filter(([, path]) => path.includes('no-such-lead'))) {
      expect([method, path, (await call(method, path, { token: tokens.sales, body })).status]).toEqual([method, path, 404]);
    }
  });
});

describe('bad input', () => {
  const cases: [string, string, unknown, Record<string, string>?][] = [
    ['POST', '/leads', {}],
    ['POST', '/leads', { title: 'x', contactName: 'x', email: 'not-an-email' }],
    ['POST', '/leads', { title: 'x', contactName: 'x', source: 'carrier-pigeon' }],
    ['POST', '/leads', { title: 'x', contactName: 'x', secret: true }],
    ['POST', '/leads', { title: '   ', contactName: 'x' }],
    ['GET', '/leads?status=bogus', undefined],
    ['GET', '/leads?limit=0', undefined],
    ['PUT', '/lead-rules', { scoring: {} }],
    ['PUT', '/lead-assignment/reps/someone', { optedOut: 'yes' }],
  ];

  it.each(cases)('%s %s → 400 validation_failed', async (method, path, body) => {
    const answer = await call(method, path, { token: tokens.admin, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });

  it('refuses bad changes, conversions and disqualifications with 400', async () => {
    const lead = await createLead({ title: `Salah ${tag()}`, contactName: 'x' });
    const bodies: [string, string, unknown][] = [
      ['PATCH', `/leads/${lead.id}`, {}],
      ['PATCH', `/leads/${lead.id}`, { status: 'converted', version: 1 }],
      ['PATCH', `/leads/${lead.id}`, { score: 99, version: 1 }],
      ['POST', `/leads/${lead.id}/convert`, {}],
      ['POST', `/leads/${lead.id}/convert`, { opportunity: { name: 'x', expectedRevenue: { amount: 1.5, currency: 'IDR' } } }],
      ['POST', `/leads/${lead.id}/convert`, { opportunity: { name: 'x', expectedRevenue: { amount: 1, currency: 'rupiah' } } }],
      ['POST', `/leads/${lead.id}/convert`, { opportunity: { ...draft(), probability: 101 } }],
      ['POST', `/leads/${lead.id}/disqualify`, { version: 1 }],
    ];
    for (const [method, path, body] of bodies) {
      const answer = await call(method, path, { token: tokens.sales, body });
      expect([method, JSON.stringify(body), answer.status, answer.body.error?.code]).toEqual([method, JSON.stringify(body), 400, 'validation_failed']);
    }
    const badIfMatch = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': 'abc' }, body: { title: 'x' } });
    expect(badIfMatch.status).toBe(400);
    const malformed = await call('POST', '/leads', { token: tokens.sales, rawBody: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
  });
});
