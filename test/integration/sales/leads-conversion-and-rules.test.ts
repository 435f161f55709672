import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';
import { transact } from '../../../shared/platform/db/transaction';
import { opportunityCreateOperations } from '../../../shared/modules/sales/services/opportunity.service';
import { accountRepository } from '../../../shared/modules/crm/db/account.repository';
import { newOpportunityRecord, opportunityRepository } from '../../../shared/modules/sales/db/opportunity.repository';
import { OpportunityEntity } from '../../../shared/modules/sales/db/opportunity.entity';
import { TimelineItemEntity } from '../../../shared/modules/crm/db/timeline-item.entity';
import { allLeads, createLead, draft, salesUserId, setUpLeads, staffWith, tokens } from './leads.fixture';

beforeAll(setUpLeads, SETUP_TIMEOUT_MS);
afterEach(() => jest.restoreAllMocks());
jest.setTimeout(60_000);

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
