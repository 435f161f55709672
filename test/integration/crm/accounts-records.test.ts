import { randomBytes } from 'node:crypto';
import { call, SETUP_TIMEOUT_MS, type Answer } from '../../support/api.helper';
import { accountsNamed, createAccount, createContact, setUpAccounts, tokens, unique } from './accounts.fixture';

beforeAll(setUpAccounts, SETUP_TIMEOUT_MS);

describe('account CRUD', () => {
  it('creates an account at version 1 and reads it back', async () => {
    const name = unique('PT. Baru');
    const created = await createAccount(name, { industry: 'Food', website: 'https://baru.example', email: 'info@baru.example', phone: '+62 21 1', address: 'Jl. Baru 1', tags: ['catering'] });
    expect(created).toMatchObject({ name, industry: 'Food', website: 'https://baru.example', email: 'info@baru.example', tags: ['catering'], version: 1 });
    expect(typeof created.id).toBe('string');
    expect(created.createdAt).toEqual(created.updatedAt);

    const read = await call('GET', `/accounts/${created.id}`, { token: tokens.service });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it('lists accounts sorted by name and finds them by a case-insensitive name prefix', async () => {
    const tag = randomBytes(3).toString('hex');
    const names = [`Zeta${tag} Cahaya`, `zeta${tag} Abadi`, `ZETA${tag} Bumi`];
    for (const name of names) await createAccount(name);
    await createAccount(`Other${tag} Zeta`);

    const found = await call('GET', `/accounts?q=${encodeURIComponent(`zEtA${tag}`)}`, { token: tokens.service });
    expect(found.status).toBe(200);
    expect(found.body.items.map((a: any) => a.name)).toEqual([`zeta${tag} Abadi`, `ZETA${tag} Bumi`, `Zeta${tag} Cahaya`]);
    expect(found.body.nextCursor).toBeNull();

    const all = await call('GET', '/accounts?limit=100', { token: tokens.service });
    expect(all.status).toBe(200);
    const allNames: string[] = all.body.items.map((a: any) => a.name);
    expect(allNames).toEqual(expect.arrayContaining(['PT. KITA', 'PT. Sinar Pagi', 'CV. Harapan Jaya', ...names]));
    const sorted = [...allNames].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    expect(allNames).toEqual(sorted);
  });

  it('changes an account with If-Match and bumps its version', async () => {
    const account = await createAccount(unique('PT. Ubah'), { industry: 'Food' });
    const patched = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { phone: '+62 21 999', tags: ['vip'] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: account.id, phone: '+62 21 999', tags: ['vip'], industry: 'Food', version: 2 });

    const read = await call('GET', `/accounts/${account.id}`, { token: tokens.admin });
    expect(read.body).toMatchObject({ phone: '+62 21 999', tags: ['vip'], version: 2 });
  });

  it('renames an account so the new name is found by the prefix search and the old one is not', async () => {
    const tag = randomBytes(3).toString('hex');
    const account = await createAccount(`Lama${tag}`);
    const patched = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '"1"' }, body: { name: `Anyar${tag}` } });
    expect(patched.status).toBe(200);
    expect((await accountsNamed(`Anyar${tag}`)).map((a) => a.id)).toEqual([account.id]);
    expect(await accountsNamed(`Lama${tag}`)).toEqual([]);
  });

  it('accepts the version in the body instead of If-Match', async () => {
    const account = await createAccount(unique('PT. Versi'));
    const patched = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, body: { industry: 'Textile', version: 1 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ industry: 'Textile', version: 2 });
  });

  it('refuses a PATCH without a version with 428 precondition_required', async () => {
    const account = await createAccount(unique('PT. Tanpa Versi'));
    const answer = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, body: { industry: 'Textile' } });
    expect(answer.status).toBe(428);
    expect(answer.body.error.code).toBe('precondition_required');
    const read = await call('GET', `/accounts/${account.id}`, { token: tokens.sales });
    expect(read.body.industry).toBeUndefined();
    expect(read.body.version).toBe(1);
  });

  it('refuses a stale version with 409 version_conflict and changes nothing', async () => {
    const account = await createAccount(unique('PT. Basi'), { industry: 'Food' });
    const first = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { industry: 'Textile' } });
    expect(first.status).toBe(200);

    const stale = await call('PATCH', `/accounts/${account.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { industry: 'Mining', phone: '+62 1' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');

    const read = await call('GET', `/accounts/${account.id}`, { token: tokens.sales });
    expect(read.body).toMatchObject({ industry: 'Textile', version: 2 });
    expect(read.body.phone).toBeUndefined();
  });

  it('clears an optional field with null', async () => {
    const account = await createAccount(unique('PT. Kosong'), { industry: 'Food', website: 'https://kosong.example' });
    const patched = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { industry: null } });
    expect(patched.status).toBe(200);
    expect(patched.body.industry).toBeUndefined();
    expect(patched.body.website).toBe('https://kosong.example');
    const read = await call('GET', `/accounts/${account.id}`, { token: tokens.sales });
    expect(read.body).not.toHaveProperty('industry');
    expect(read.body.website).toBe('https://kosong.example');
  });

  it('answers 404 for a PATCH of a missing account', async () => {
    const answer = await call('PATCH', '/accounts/does-not-exist', { token: tokens.sales, headers: { 'if-match': '1' }, body: { industry: 'X' } });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });

  it('deletes with If-Match: 204, then the account is gone', async () => {
    const name = unique('PT. Hapus');
    const account = await createAccount(name);
    const noVersion = await call('DELETE', `/accounts/${account.id}`, { token: tokens.sales });
    expect(noVersion.status).toBe(428);
    const stale = await call('DELETE', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '7' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await call('GET', `/accounts/${account.id}`, { token: tokens.sales })).status).toBe(200);

    const deleted = await call('DELETE', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' } });
    expect(deleted.status).toBe(204);
    const read = await call('GET', `/accounts/${account.id}`, { token: tokens.sales });
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('not_found');
    expect(await accountsNamed(name)).toEqual([]);
    const again = await call('DELETE', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' } });
    expect(again.status).toBe(404);
  });
});

describe('contact links', () => {
  it('links a contact in a role, changes the role, lists both sides, and unlinks', async () => {
    const account = await createAccount(unique('PT. Tautan'));
    const contact = await createContact('Wijaya', { firstName: 'Agus', email: `agus-${randomBytes(3).toString('hex')}@tautan.example` });

    const linked = await call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { token: tokens.sales, body: { role: 'billing' } });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ accountId: account.id, contactId: contact.id, role: 'billing', accountName: account.name, contactName: 'Agus Wijaya' });

    const changed = await call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { token: tokens.service, body: { role: 'primary' } });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('primary');

    const contacts = await call('GET', `/accounts/${account.id}/contacts`, { token: tokens.sales });
    expect(contacts.status).toBe(200);
    expect(contacts.body.items).toHaveLength(1);
    expect(contacts.body.items[0]).toMatchObject({ contactId: contact.id, contactName: 'Agus Wijaya', role: 'primary', contactEmail: contact.email });

    const accounts = await call('GET', `/contacts/${contact.id}/accounts`, { token: tokens.sales });
    expect(accounts.status).toBe(200);
    expect(accounts.body.items).toEqual([expect.objectContaining({ accountId: account.id, accountName: account.name, role: 'primary' })]);

    const unlinked = await call('DELETE', `/accounts/${account.id}/contacts/${contact.id}`, { token: tokens.sales });
    expect(unlinked.status).toBe(204);
    expect((await call('GET', `/accounts/${account.id}/contacts`, { token: tokens.sales })).body.items).toEqual([]);
    expect((await call('GET', `/contacts/${contact.id}/accounts`, { token: tokens.sales })).body.items).toEqual([]);

    const again = await call('DELETE', `/accounts/${account.id}/contacts/${contact.id}`, { token: tokens.sales });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
  });

  it('shows the seeded contacts of PT. KITA with their roles', async () => {
    const [kita] = await accountsNamed('PT. KITA');
    const answer = await call('GET', `/accounts/${kita.id}/contacts`, { token: tokens.service });
    expect(answer.status).toBe(200);
    const byName = Object.fromEntries(answer.body.items.map((l: any) => [l.contactName, l.role]));
    expect(byName).toMatchObject({ 'Hendra Gunawan': 'billing', 'Yeyen Wulandari': 'primary' });
    expect(byName['Sari Indah']).toBeUndefined();
  });

  it('answers 404 for a link to a missing contact or on a missing account', async () => {
    const account = await createAccount(unique('PT. Hilang'));
    const noContact = await call('PUT', `/accounts/${account.id}/contacts/no-such-contact`, { token: tokens.sales, body: { role: 'billing' } });
    expect(noContact.status).toBe(404);
    const contact = await createContact('Hilang');
    const noAccount = await call('PUT', `/accounts/no-such-account/contacts/${contact.id}`, { token: tokens.sales, body: { role: 'billing' } });
    expect(noAccount.status).toBe(404);
    expect((await call('GET', `/contacts/${contact.id}/accounts`, { token: tokens.sales })).body.items).toEqual([]);
  });

  it('removes the links when the account is deleted, and keeps the contact', async () => {
    const account = await createAccount(unique('PT. Bubar'));
    const contact = await createContact('Bubar');
    expect((await call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { token: tokens.sales, body: { role: 'primary' } })).status).toBe(200);
    expect((await call('DELETE', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' } })).status).toBe(204);
    expect((await call('GET', `/contacts/${contact.id}`, { token: tokens.sales })).status).toBe(200);
    expect((await call('GET', `/contacts/${contact.id}/accounts`, { token: tokens.sales })).body.items).toEqual([]);
  });
});

describe('timeline', () => {
  it('records creation, changes, links, unlinks and notes, newest first, paginated', async () => {
    const account = await createAccount(unique('PT. Riwayat'));
    const contact = await createContact('Riwayat', { firstName: 'Rina' });
    const steps: Array<() => Promise<{ status: number }>> = [
      () => call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { industry: 'Food', phone: '+62 1' } }),
      () => call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { token: tokens.sales, body: { role: 'billing' } }),
      () => call('POST', `/accounts/${account.id}/notes`, { token: tokens.service, body: { body: 'Tasting on Monday\nBring the halal certificate.' } }),
      () => call('DELETE', `/accounts/${account.id}/contacts/${contact.id}`, { token: tokens.sales }),
      () => call('POST', `/accounts/${account.id}/notes`, { token: tokens.sales, body: { body: 'Second note' } }),
    ];
    for (const step of steps) expect([200, 201, 204]).toContain((await step()).status);

    const timeline = await call('GET', `/accounts/${account.id}/timeline?limit=100`, { token: tokens.sales });
    expect(timeline.status).toBe(200);
    const items = timeline.body.items;
    expect(items.map((i: any) => [i.type, i.title])).toEqual([
      ['note', 'Second note'],
      ['contact_unlinked', 'Contact unlinked'],
      ['note', 'Tasting on Monday'],
      ['contact_linked', 'Contact linked'],
      ['audit', 'Account updated'],
      ['audit', 'Account created'],
    ]);
    expect(items[1].summary).toContain('Rina Riwayat');
    expect(items[2].summary).toBe('Tasting on Monday\nBring the halal certificate.');
    expect(items[3].summary).toContain('billing');
    expect(items[4].summary).toContain('industry');
    expect(items[4].summary).toContain('phone');
    const times = items.map((i: any) => i.at);
    expect(times).toEqual([...times].sort().reverse());

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: Answer = await call('GET', `/accounts/${account.id}/timeline?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.sales });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items.map((i: any) => `${i.type}:${i.at}`));
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(items.map((i: any) => `${i.type}:${i.at}`));
  });

  it('returns the note it created', async () => {
    const [kita] = await accountsNamed('PT. KITA');
    const note = await call('POST', `/accounts/${kita.id}/notes`, { token: tokens.service, body: { body: 'Called about the March menu' } });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ type: 'note', title: 'Called about the March menu', summary: 'Called about the March menu' });
    const first = await call('GET', `/accounts/${kita.id}/timeline?limit=1`, { token: tokens.admin });
    expect(first.body.items[0]).toMatchObject({ id: note.body.id, type: 'note' });
  });

  it('does not add an "updated" entry when a PATCH changes nothing', async () => {
    const account = await createAccount(unique('PT. Sama'), { industry: 'Food' });
    const patched = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { industry: 'Food' } });
    expect(patched.status).toBe(200);
    const timeline = await call('GET', `/accounts/${account.id}/timeline`, { token: tokens.sales });
    expect(timeline.body.items.map((i: any) => i.title)).toEqual(['Account created']);
  });
});
