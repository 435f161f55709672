import { randomBytes } from 'node:crypto';
import { config } from '../../../shared/platform/config';
import { sign } from '../../../shared/platform/crypto/secret-token';
import { call, DEMO_PASSWORD, demoWorld, login, SETUP_TIMEOUT_MS, type Answer, type DemoLogin } from '../../support/api.helper';
import { newRepId, refusedOwnerIds } from '../../support/owners.helper';

let tokens: Record<DemoLogin, string>;

beforeAll(async () => {
  tokens = await demoWorld();
}, SETUP_TIMEOUT_MS);

const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

async function createAccount(name: string, extra: Record<string, unknown> = {}, token = tokens.sales) {
  const answer = await call('POST', '/accounts', { token, body: { name, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function createContact(lastName: string, extra: Record<string, unknown> = {}) {
  const answer = await call('POST', '/contacts', { token: tokens.sales, body: { lastName, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** Every account whose name starts with the prefix, walking all pages. */
async function accountsNamed(prefix: string, token = tokens.admin): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const query: string = `/accounts?q=${encodeURIComponent(prefix)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await call('GET', query, { token });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

/** A staff login with the given roles, created by the admin, signed in. */
async function staffWith(roles: string[]): Promise<string> {
  const email = `${roles.join('-')}-${randomBytes(4).toString('hex')}@kaktus.example`;
  const created = await call('POST', '/users', { token: tokens.admin, body: { email, name: `Staf ${roles.join(' ')}`, roles, password: DEMO_PASSWORD } });
  expect(created.status).toBe(201);
  return login(email);
}

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

describe('pagination', () => {
  it('walks every page once: no duplicates, none missing, the last nextCursor is null', async () => {
    const prefix = `Halaman${randomBytes(3).toString('hex')}`;
    const created = new Set<string>();
    for (let i = 0; i < 7; i++) created.add((await createAccount(`${prefix} ${String.fromCharCode(103 - i)}`)).id);

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    let lastCursor: string | null | undefined;
    for (let page = 0; page < 10; page++) {
      const answer: Answer = await call('GET', `/accounts?q=${prefix}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.sales });
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(3);
      pageSizes.push(answer.body.items.length);
      seen.push(...answer.body.items.map((a: any) => a.id));
      lastCursor = answer.body.nextCursor;
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(lastCursor).toBeNull();
    expect(pageSizes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(created);
  });

  it('pages through all accounts with the default order intact', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const answer: Answer = await call('GET', `/accounts?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.service });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items.map((a: any) => a.name.toLowerCase()));
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    const whole = await call('GET', '/accounts?limit=100', { token: tokens.service });
    expect(seen).toEqual(whole.body.items.map((a: any) => a.name.toLowerCase()));
  });

  async function firstCursor(token: string, q = ''): Promise<string> {
    const answer = await call('GET', `/accounts?limit=1${q ? `&q=${encodeURIComponent(q)}` : ''}`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toEqual(expect.any(String));
    return answer.body.nextCursor;
  }

  it('refuses a tampered cursor with 400 invalid_cursor', async () => {
    const cursor = await firstCursor(tokens.sales);
    const [payload, signature] = cursor.split('.');
    const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...decoded, p: decoded.p })).toString('base64url') + 'x';
    for (const bad of [`${forged}.${signature}`, `${payload}.${signature!.slice(0, -2)}AA`, 'garbage', `${payload}`]) {
      const answer = await call('GET', `/accounts?limit=1&cursor=${encodeURIComponent(bad)}`, { token: tokens.sales });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_cursor');
    }
  });

  it('refuses a cursor signed with the secret over an odd payload with 400 invalid_cursor, never a 500', async () => {
    const salesId = (await call('GET', '/auth/me', { token: tokens.sales })).body.user.id;
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const ours = (p: unknown) => JSON.stringify({ p, c: salesId, l: 'accounts:' });
    const payloads = [
      'not json',
      'null',
      '[]',
      '42',
      '"accounts:"',
      JSON.stringify({ c: salesId, l: 'accounts:' }),
      ours(42),
      ours(''),
      // Bound to the caller and the list, but no position in the table.
      ours('garbage'),
      ours(b64('null')),
      ours(b64('{"pk":1}')),
      ours(b64('{"pk":"account#x"}')),
      ours(b64('{"pk":"account#x","sk":"account","other":"x"}')),
      ours(b64('{"pk":"account#x","sk":"account"}')),
      ours(b64('{"pk":"account#x","sk":"account","gsi1pk":"other","gsi1sk":"x"}')),
      ours(b64('{"pk":"account#x","sk":"account","gsi2pk":"other","gsi2sk":"x"}')),
    ];
    const answers = [];
    for (const json of payloads) {
      const payload = b64(json);
      const answer = await call('GET', `/accounts?limit=1&cursor=${encodeURIComponent(`${payload}.${sign(config().signingSecret, payload)}`)}`, { token: tokens.sales });
      answers.push([json, answer.status, answer.body.error?.code]);
    }
    expect(answers).toEqual(payloads.map((json) => [json, 400, 'invalid_cursor']));
  });

  it("refuses another user's cursor, and a cursor of another list, with 400", async () => {
    const salesCursor = await firstCursor(tokens.sales);
    const theirs = await call('GET', `/accounts?limit=1&cursor=${encodeURIComponent(salesCursor)}`, { token: tokens.service });
    expect(theirs.status).toBe(400);
    expect(theirs.body.error.code).toBe('invalid_cursor');

    const otherList = await call('GET', `/accounts?limit=1&q=PT&cursor=${encodeURIComponent(salesCursor)}`, { token: tokens.sales });
    expect(otherList.status).toBe(400);
    expect(otherList.body.error.code).toBe('invalid_cursor');

    // The owner can still use it.
    const own = await call('GET', `/accounts?limit=1&cursor=${encodeURIComponent(salesCursor)}`, { token: tokens.sales });
    expect(own.status).toBe(200);
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

describe('idempotency', () => {
  it('replays the first answer for the same key and body, creating one account', async () => {
    const name = unique('PT. Sekali');
    const key = randomBytes(8).toString('hex');
    const first = await call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': key }, body: { name } });
    const second = await call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': key }, body: { name } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.body.id).toBe(first.body.id);
    expect((await accountsNamed(name)).map((a) => a.id)).toEqual([first.body.id]);
  });

  it('refuses the same key with another body with 409 idempotency_key_reused', async () => {
    const name = unique('PT. Kunci');
    const key = randomBytes(8).toString('hex');
    expect((await call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': key }, body: { name } })).status).toBe(201);
    const other = await call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': key }, body: { name: `${name} Lain` } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(await accountsNamed(`${name} Lain`)).toEqual([]);
  });

  it('keeps keys of different users apart', async () => {
    const key = randomBytes(8).toString('hex');
    const name = unique('PT. Dua Orang');
    const bySales = await call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': key }, body: { name } });
    const byService = await call('POST', '/accounts', { token: tokens.service, headers: { 'idempotency-key': key }, body: { name } });
    expect(bySales.status).toBe(201);
    expect(byService.status).toBe(201);
    expect(byService.body.id).not.toBe(bySales.body.id);
    expect(await accountsNamed(name)).toHaveLength(2);
  });

  it('never replays a sign-in: each login with the same key gets a fresh session', async () => {
    const key = randomBytes(8).toString('hex');
    const body = { email: 'service@kaktus.example', password: DEMO_PASSWORD };
    const first = await call('POST', '/auth/login', { headers: { 'idempotency-key': key }, body });
    expect(first.status).toBe(200);
    expect((await call('POST', '/auth/logout', { token: first.body.token })).status).toBe(204);
    const second = await call('POST', '/auth/login', { headers: { 'idempotency-key': key }, body });
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.token).not.toBe(first.body.token);
    expect((await call('GET', '/auth/me', { token: second.body.token })).status).toBe(200);
  }, 30_000);

  it('creates one account when the same key arrives several times at once', async () => {
    const name = unique('PT. Serentak');
    const key = randomBytes(8).toString('hex');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': key }, body: { name } })),
    );
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.error.code).toBe('idempotency_in_progress');
    expect((await accountsNamed(name)).map((a) => a.id)).toEqual([created[0]!.body.id]);

    // Once the first has finished, a retry gets its answer.
    const retry = await call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': key }, body: { name } });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(created[0]!.body.id);
  });
});

describe('roles', () => {
  let marketing: string;
  let investorRelations: string;

  beforeAll(async () => {
    [marketing, investorRelations] = await Promise.all([staffWith(['marketing']), staffWith(['investor_relations'])]);
  }, 60_000);

  it('lets service and marketing create and edit, but not delete', async () => {
    for (const token of [tokens.service, marketing]) {
      const account = await createAccount(unique('PT. Peran'), {}, token);
      const patched = await call('PATCH', `/accounts/${account.id}`, { token, headers: { 'if-match': '1' }, body: { industry: 'Food' } });
      expect(patched.status).toBe(200);
      const deleted = await call('DELETE', `/accounts/${account.id}`, { token, headers: { 'if-match': '2' } });
      expect(deleted.status).toBe(403);
      expect(deleted.body.error.code).toBe('forbidden');
      expect((await call('GET', `/accounts/${account.id}`, { token: tokens.admin })).status).toBe(200);
    }
  });

  it('lets investor relations read but not create, edit, link, note or delete', async () => {
    const account = await createAccount(unique('PT. Baca'));
    const contact = await createContact('Baca');
    expect((await call('GET', `/accounts/${account.id}`, { token: investorRelations })).status).toBe(200);
    expect((await call('GET', '/accounts', { token: investorRelations })).status).toBe(200);

    const name = unique('PT. IR');
    const refused = [
      await call('POST', '/accounts', { token: investorRelations, body: { name } }),
      await call('PATCH', `/accounts/${account.id}`, { token: investorRelations, headers: { 'if-match': '1' }, body: { industry: 'Mining' } }),
      await call('PUT', `/accounts/${account.id}/contacts/${contact.id}`, { token: investorRelations, body: { role: 'billing' } }),
      await call('POST', `/accounts/${account.id}/notes`, { token: investorRelations, body: { body: 'hi' } }),
      await call('DELETE', `/accounts/${account.id}`, { token: investorRelations, headers: { 'if-match': '1' } }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    expect(await accountsNamed(name)).toEqual([]);
    const read = await call('GET', `/accounts/${account.id}`, { token: tokens.admin });
    expect(read.body).toMatchObject({ version: 1 });
    expect(read.body.industry).toBeUndefined();
    expect((await call('GET', `/accounts/${account.id}/contacts`, { token: tokens.admin })).body.items).toEqual([]);
    expect((await call('GET', `/accounts/${account.id}/timeline`, { token: tokens.admin })).body.items).toHaveLength(1);
  });

  it('lets sales and admin delete', async () => {
    for (const token of [tokens.sales, tokens.admin]) {
      const account = await createAccount(unique('PT. Hapus Peran'));
      expect((await call('DELETE', `/accounts/${account.id}`, { token, headers: { 'if-match': '1' } })).status).toBe(204);
    }
  });

  it('takes as owner only a staff login that is not disabled: 422 unknown_owner otherwise, nothing stored or changed', async () => {
    const account = await createAccount(unique('PT. Tetap'));
    for (const [what, ownerId] of await refusedOwnerIds(tokens)) {
      const name = unique(`PT. Milik ${what}`);
      const created = await call('POST', '/accounts', { token: tokens.sales, body: { name, ownerId } });
      const changed = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { ownerId } });
      expect([what, created.status, created.body.error?.code, changed.status, changed.body.error?.code]).toEqual([what, 422, 'unknown_owner', 422, 'unknown_owner']);
      expect(await accountsNamed(name)).toEqual([]);
    }
    expect((await call('GET', `/accounts/${account.id}`, { token: tokens.sales })).body).toMatchObject({ ownerId: account.ownerId, version: 1 });

    const rep = await newRepId(tokens.admin);
    expect(await createAccount(unique('PT. Milik Rep'), { ownerId: rep })).toMatchObject({ ownerId: rep });
    const handedOver = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { ownerId: rep } });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ ownerId: rep, version: 2 });
  });

  it('records who created the account as its owner', async () => {
    const me = await call('GET', '/auth/me', { token: tokens.service });
    const account = await createAccount(unique('PT. Pemilik'), {}, tokens.service);
    expect(account.ownerId).toBe(me.body.user.id);
  });
});
