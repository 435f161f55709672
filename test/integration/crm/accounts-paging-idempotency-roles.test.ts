import { randomBytes } from 'node:crypto';
import { config } from '../../../shared/platform/config';
import { sign } from '../../../shared/platform/crypto/secret-token';
import { call, DEMO_PASSWORD, login, SETUP_TIMEOUT_MS, type Answer } from '../../support/api.helper';
import { newRepId, refusedOwnerIds } from '../../support/owners.helper';
import { accountsNamed, createAccount, createContact, setUpAccounts, tokens, unique } from './accounts.fixture';

beforeAll(setUpAccounts, SETUP_TIMEOUT_MS);

/** A staff login with the given roles, created by the admin, signed in. */
async function staffWith(roles: string[]): Promise<string> {
  const email = `${roles.join('-')}-${randomBytes(4).toString('hex')}@kaktus.example`;
  const created = await call('POST', '/users', { token: tokens.admin, body: { email, name: `Staf ${roles.join(' ')}`, roles, password: DEMO_PASSWORD } });
  expect(created.status).toBe(201);
  return login(email);
}

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
