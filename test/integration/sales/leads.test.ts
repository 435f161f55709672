import { randomBytes } from 'node:crypto';
import { call, DEMO_PASSWORD, demoWorld, login, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { newRepId, refusedOwnerIds } from '../../support/owners.helper';
import { transact } from '../../../shared/platform/db/transaction';
import { opportunityCreateOperations } from '../../../shared/modules/sales/services/opportunity.service';
import { accountRepository } from '../../../shared/modules/crm/db/account.repository';
import { newOpportunityRecord, opportunityRepository } from '../../../shared/modules/sales/db/opportunity.repository';
import { OpportunityEntity } from '../../../shared/modules/sales/db/opportunity.entity';
import { TimelineItemEntity } from '../../../shared/modules/crm/db/timeline-item.entity';

let tokens: Record<DemoLogin, string>;
let salesUserId: string;

beforeAll(async () => {
  tokens = await demoWorld();
  salesUserId = (await call('GET', '/auth/me', { token: tokens.sales })).body.user.id;
}, SETUP_TIMEOUT_MS);

afterEach(() => jest.restoreAllMocks());
jest.setTimeout(60_000);

const tag = () => randomBytes(4).toString('hex');

async function createLead(body: Record<string, unknown>, token = tokens.sales) {
  const answer = await call('POST', '/leads', { token, body: { source: 'web', ...body } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** A staff login with the given roles, created by the admin: its id and token. */
async function staffWith(roles: string[]): Promise<{ id: string; token: string }> {
  const email = `${roles.join('-')}-${tag()}@kaktus.example`;
  const created = await call('POST', '/users', { token: tokens.admin, body: { email, name: `Staf ${roles.join(' ')}`, roles, password: DEMO_PASSWORD } });
  expect(created.status).toBe(201);
  return { id: created.body.id, token: await login(email) };
}

/** Every lead a list query returns, walking all pages. */
async function allLeads(query = '', token = tokens.sales): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const answer: any = await call('GET', `/leads?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

async function contactsNamed(lastName: string): Promise<any[]> {
  const answer = await call('GET', `/contacts?q=${encodeURIComponent(lastName)}&limit=100`, { token: tokens.admin });
  expect(answer.status).toBe(200);
  return answer.body.items;
}

async function accountsNamed(name: string): Promise<any[]> {
  const answer = await call('GET', `/accounts?q=${encodeURIComponent(name)}&limit=100`, { token: tokens.admin });
  expect(answer.status).toBe(200);
  return answer.body.items;
}

/** Test-only check that no opportunity came from the lead (a Scan is fine in a test, never in the app). */
async function opportunitiesOfLead(leadId: string): Promise<unknown[]> {
  const { data } = await OpportunityEntity().scan.where((attr, { eq }) => eq(attr.leadId, leadId)).go({ pages: 'all' });
  return data;
}

const draft = (name = 'Catering contract', extra: Record<string, unknown> = {}) => ({ name, expectedRevenue: { amount: 150_000_000_00, currency: 'IDR' }, ...extra });

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

describe('convert', () => {
  it('creates account, contact and opportunity from the lead in one go, and only once', async () => {
    const t = tag();
    const lead = await createLead({ title: `Konversi ${t}`, companyName: `PT. Konversi ${t}`, contactName: `Hendra Konv${t}`, email: `hendra@konv${t}.example`, phone: '+62 2' });
    const answer = await call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, body: { opportunity: draft(`Katering ${t}`, { probability: 40, expectedCloseDate: '2026-12-15' }) } });
    expect(answer.status).toBe(201);
    const { accountId, contactId, opportunityId } = answer.body;

    const account = await call('GET', `/accounts/${accountId}`, { token: tokens.sales });
    expect(account.body).toMatchObject({ name: `PT. Konversi ${t}`, email: `hendra@konv${t}.example` });
    const contact = await call('GET', `/contacts/${contactId}`, { token: tokens.sales });
    expect(contact.body).toMatchObject({ firstName: 'Hendra', lastName: `Konv${t}`, email: `hendra@konv${t}.example`, phone: '+62 2' });
    const links = await call('GET', `/accounts/${accountId}/contacts`, { token: tokens.sales });
    expect(links.body.items.map((l: any) => l.contactId)).toEqual([contactId]);
    const opportunity = await opportunityRepository.get(opportunityId);
    expect(opportunity).toMatchObject({ name: `Katering ${t}`, accountId, contactId, leadId: lead.id, stage: 'new', probability: 40, probabilityManual: true, amount: 150_000_000_00, currency: 'IDR', status: 'open', expectedCloseDate: '2026-12-15', ownerId: salesUserId });

    const converted = await call('GET', `/leads/${lead.id}`, { token: tokens.sales });
    expect(converted.body).toMatchObject({ status: 'converted', convertedTo: { accountId, contactId, opportunityId }, version: 2 });
    const timeline = await call('GET', `/accounts/${accountId}/timeline`, { token: tokens.sales });
    expect(timeline.body.items.map((i: any) => i.type)).toEqual(expect.arrayContaining(['lead_converted', 'opportunity', 'audit']));

    const again = await call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, body: { opportunity: draft() } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('lead_already_converted');
    const patch = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '2' }, body: { title: 'x' } });
    expect(patch.status).toBe(409);
    expect(await accountsNamed(`PT. Konversi ${t}`)).toHaveLength(1);
  });

  it('converts into an existing account with a new contact, at the stage and probability of a qualified lead', async () => {
    const t = tag();
    const account = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. Ada ${t}` } });
    const lead = await createLead({ title: `Ada ${t}`, contactName: `Ada${t}`, email: `ada@ada${t}.example` });
    await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { status: 'qualified' } });
    const answer = await call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, headers: { 'if-match': '2' }, body: { accountId: account.body.id, opportunity: draft() } });
    expect(answer.status).toBe(201);
    expect(answer.body.accountId).toBe(account.body.id);
    const opportunity = await opportunityRepository.get(answer.body.opportunityId);
    expect(opportunity).toMatchObject({ stage: 'qualified', probability: 25, probabilityManual: false, accountId: account.body.id });
    const contact = await call('GET', `/contacts/${answer.body.contactId}`, { token: tokens.sales });
    expect(contact.body).toMatchObject({ lastName: `Ada${t}` });
    expect(contact.body.firstName).toBeUndefined();
    const links = await call('GET', `/accounts/${account.body.id}/contacts`, { token: tokens.sales });
    expect(links.body.items.map((l: any) => l.contactId)).toEqual([answer.body.contactId]);
    expect(await accountsNamed(`PT. Ada ${t}`)).toHaveLength(1);
  });

  it('leaves nothing behind when the lead changed underneath (stale If-Match fails inside the transaction)', async () => {
    const t = tag();
    const lead = await createLead({ title: `Basi ${t}`, companyName: `PT. Basi ${t}`, contactName: `Basi${t}` });
    await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { memo: 'changed' } });
    const answer = await call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { opportunity: draft() } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('version_conflict');
    expect(await accountsNamed(`PT. Basi ${t}`)).toEqual([]);
    expect(await contactsNamed(`Basi${t}`)).toEqual([]);
    expect(await opportunitiesOfLead(lead.id)).toEqual([]);
    expect((await call('GET', `/leads/${lead.id}`, { token: tokens.sales })).body).toMatchObject({ status: 'new', version: 2 });
  });

  it('leaves nothing behind when the account is gone: missing up front (404) or deleted just before the commit', async () => {
    const t = tag();
    const lead = await createLead({ title: `Hilang ${t}`, contactName: `Hilang${t}` });
    const missing = await call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, body: { accountId: 'no-such-account', opportunity: draft() } });
    expect(missing.status).toBe(404);

    const account = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. Hapus ${t}` } });
    const deleted = await call('DELETE', `/accounts/${account.body.id}`, { token: tokens.sales, headers: { 'if-match': '1' } });
    expect(deleted.status).toBe(204);
    // The account is read as present (as if deleted between the check and the commit): the transaction's own check must refuse.
    jest.spyOn(accountRepository, 'get').mockResolvedValueOnce(account.body);
    const raced = await call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, body: { accountId: account.body.id, opportunity: draft() } });
    expect(raced.status).toBe(404);

    expect(await contactsNamed(`Hilang${t}`)).toEqual([]);
    expect(await opportunitiesOfLead(lead.id)).toEqual([]);
    const timeline = await TimelineItemEntity().query.byAccount({ accountId: account.body.id }).go({ pages: 'all' });
    expect(timeline.data.some((i: any) => i.type === 'lead_converted')).toBe(false);
    expect((await call('GET', `/leads/${lead.id}`, { token: tokens.sales })).body).toMatchObject({ status: 'new', version: 1 });
  });

  it('converts once when two people click at the same time', async () => {
    const lead = await createLead({ title: `Dobel ${tag()}`, contactName: `Dobel${tag()}` });
    const answers = await Promise.all([1, 2].map(() => call('POST', `/leads/${lead.id}/convert`, { token: tokens.sales, body: { opportunity: draft() } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await opportunitiesOfLead(lead.id)).toHaveLength(1);
  });
});

describe('lead rules: scoring and assignment as data', () => {
  it('reads the rules, lets only an admin replace them, and rescores a lead on its next change', async () => {
    const current = await call('GET', '/lead-rules', { token: tokens.sales });
    expect(current.status).toBe(200);
    expect(current.body.scoring.source.web).toBe(15);
    const { updatedAt: _u, ...rules } = current.body;
    const lead = await createLead({ title: `Skor ${tag()}`, contactName: 'Skor' });
    expect(lead.score).toBe(15);

    const changed = { ...rules, scoring: { ...rules.scoring, source: { ...rules.scoring.source, web: 40 } } };
    expect((await call('PUT', '/lead-rules', { token: tokens.sales, body: changed })).status).toBe(403);
    const saved = await call('PUT', '/lead-rules', { token: tokens.admin, body: changed });
    expect(saved.status).toBe(200);
    expect(saved.body.scoring.source.web).toBe(40);
    const bad = await call('PUT', '/lead-rules', { token: tokens.admin, body: { ...changed, scoring: { ...changed.scoring, source: { web: 'lots' } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');

    const rescored = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { phone: '+62 3' } });
    expect(rescored.body.score).toBe(50);
    await call('PUT', '/lead-rules', { token: tokens.admin, body: rules });
  });

  it('adds engagement points for done calls, meetings and e-mails on the lead, up to the cap, when they are logged', async () => {
    const lead = await createLead({ title: `Libat ${tag()}`, contactName: 'Libat' });
    expect(lead.score).toBe(15);
    const score = async () => (await call('GET', `/leads/${lead.id}`, { token: tokens.sales })).body;
    const log = async (body: Record<string, unknown>) => {
      const answer = await call('POST', '/activities', { token: tokens.sales, body: { subject: 'Follow-up', related: { type: 'lead', id: lead.id }, ...body } });
      expect(answer.status).toBe(201);
      return answer.body;
    };

    // Default rules: +5 for each done call, meeting or e-mail, at most 20. The score is derived: the version stays.
    await log({ type: 'call', status: 'done', outcome: 'Interested in a trial' });
    expect(await score()).toMatchObject({ score: 20, version: 1 });
    const meeting = await log({ type: 'meeting', dueAt: '2030-01-15T03:00:00Z' });
    expect((await score()).score).toBe(20);
    expect((await call('POST', `/activities/${meeting.id}/done`, { token: tokens.sales, body: { outcome: 'Tasting booked' } })).status).toBe(200);
    expect((await score()).score).toBe(25);
    await log({ type: 'note', notes: 'Prefers WhatsApp' });
    await log({ type: 'task', status: 'done' });
    expect((await score()).score).toBe(25);
    for (let i = 0; i < 3; i++) await log({ type: 'email', status: 'done' });
    expect((await score()).score).toBe(15 + 20);

    // A change to the lead is scored with its engagement too.
    const changed = await call('PATCH', `/leads/${lead.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { phone: '+62 4' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ score: 15 + 10 + 20, version: 2 });
  });

  it('assigns a new lead to the eligible rep with the fewest open leads and opportunities, round-robin on ties, skipping reps who opted out', async () => {
    const product = `Seragam ${tag()}`;
    const reps = await Promise.all([staffWith(['sales']), staffWith(['sales']), staffWith(['sales'])]);
    const [r1, r2, r3] = reps;
    const rules = (await call('GET', '/lead-rules', { token: tokens.admin })).body;
    const saved = await call('PUT', '/lead-rules', {
      token: tokens.admin,
      body: { scoring: rules.scoring, assignment: { rules: [{ productInterest: product, territory: 'Medan', repIds: [r1!.id] }, { productInterest: product, repIds: reps.map((r) => r.id) }], defaultRepIds: [] } },
    });
    expect(saved.status).toBe(200);

    // Workload: r1 two open leads (a disqualified one does not count), r2 one lead + one open opportunity, r3 one lead.
    await createLead({ title: 'r1 a', contactName: 'x', ownerId: r1!.id });
    await createLead({ title: 'r1 b', contactName: 'x', ownerId: r1!.id });
    const closed = await createLead({ title: 'r1 c', contactName: 'x', ownerId: r1!.id });
    await call('POST', `/leads/${closed.id}/disqualify`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { reason: 'x' } });
    await createLead({ title: 'r2 a', contactName: 'x', ownerId: r2!.id });
    await createLead({ title: 'r3 a', contactName: 'x', ownerId: r3!.id });
    const account = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. Beban ${tag()}` } });
    await transact(opportunityCreateOperations(newOpportunityRecord({ name: 'r2 deal', accountId: account.body.id, expectedRevenue: { amount: 1, currency: 'IDR' }, ownerId: r2!.id, stage: 'new', probability: 10, probabilityManual: false })));

    const repsView = await call('GET', '/lead-assignment/reps', { token: tokens.sales });
    expect(repsView.body.items.find((r: any) => r.userId === r2!.id)).toEqual({ userId: r2!.id, optedOut: false, openLeads: 1, openOpportunities: 1 });

    const first = await createLead({ title: 'auto 1', contactName: 'x', productInterest: product });
    expect(first.ownerId).toBe(r3!.id);

    // Now all three carry 2: they take turns in id order, starting after the last one assigned.
    const order = reps.map((r) => r.id).sort();
    const after = (id: string) => order[(order.indexOf(id) + 1) % order.length]!;
    const turns: string[] = [];
    for (let i = 0; i < 3; i++) turns.push((await createLead({ title: `auto turn ${i}`, contactName: 'x', productInterest: product })).ownerId);
    expect(turns).toEqual([after(r3!.id), after(after(r3!.id)), after(after(after(r3!.id)))]);

    // The territory rule only names r1.
    const medan = await createLead({ title: 'auto medan', contactName: 'x', productInterest: product, territory: 'Medan' });
    expect(medan.ownerId).toBe(r1!.id);

    // r1 opts out (itself); another rep may not do it for r1.
    expect((await call('PUT', `/lead-assignment/reps/${r1!.id}`, { token: r2!.token, body: { optedOut: true } })).status).toBe(403);
    const optOut = await call('PUT', `/lead-assignment/reps/${r1!.id}`, { token: r1!.token, body: { optedOut: true } });
    expect(optOut.status).toBe(200);
    expect(optOut.body).toMatchObject({ userId: r1!.id, optedOut: true });
    const later = [] as string[];
    for (let i = 0; i < 3; i++) later.push((await createLead({ title: `auto later ${i}`, contactName: 'x', productInterest: product })).ownerId);
    expect(later).not.toContain(r1!.id);
    const nobody = await createLead({ title: 'auto medan 2', contactName: 'x', productInterest: product, territory: 'Medan' });
    expect(nobody.ownerId).toBeUndefined();
    expect((await allLeads('&ownerId=unassigned')).map((l) => l.id)).toContain(nobody.id);
    expect((await call('PUT', `/lead-assignment/reps/${r1!.id}`, { token: tokens.admin, body: { optedOut: false } })).body.optedOut).toBe(false);
    expect((await call('PUT', '/lead-assignment/reps/no-such-user', { token: tokens.admin, body: { optedOut: true } })).status).toBe(404);
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
