import { randomBytes } from 'node:crypto';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { call, DEMO, demoWorld, login, SETUP_TIMEOUT_MS, type Answer, type DemoLogin } from '../../support/api.helper';
import { startMailPump, waitForMail, type CaughtMail } from '../../support/mail.helper';

let tokens: Record<DemoLogin, string>;
let pump: StreamPump;
let adminId: string;

beforeAll(async () => {
  tokens = await demoWorld();
  pump = await startMailPump();
  adminId = (await call('GET', '/auth/me', { token: tokens.admin })).body.user.id;
}, SETUP_TIMEOUT_MS);

afterAll(() => pump?.stop());

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@users.test`;
const PASSWORD = 'a-staff-password-2026';

function tokenIn(mail: CaughtMail): string {
  const match = /[?&]token=([^&\s"<]+)/.exec(mail.body.text ?? '');
  if (!match) throw new Error(`no token link in mail "${mail.subject}"`);
  return decodeURIComponent(match[1]!);
}

async function createUser(body: Record<string, unknown>) {
  const answer = await call('POST', '/users', { token: tokens.admin, body });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function allUsers(query = ''): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const answer: Answer = await call('GET', `/users?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.admin });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

describe('listing users', () => {
  it('lists every login to the admin, without password hashes', async () => {
    const answer = await call('GET', '/users?limit=100', { token: tokens.admin });
    expect(answer.status).toBe(200);
    const emails = answer.body.items.map((u: any) => u.email);
    expect(emails).toEqual(expect.arrayContaining(Object.values(DEMO)));
    expect(JSON.stringify(answer.body)).not.toMatch(/passwordHash|scrypt|\$s0\$/i);
    const admin = answer.body.items.find((u: any) => u.email === DEMO.admin);
    expect(admin).toMatchObject({ id: adminId, name: 'Ayu Pratiwi', audiences: ['staff'], roles: ['admin'], status: 'active', version: expect.any(Number) });
  });

  it('filters by audience, across pages', async () => {
    const staff = await allUsers('&audience=staff');
    const emails = staff.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([DEMO.admin, DEMO.sales, DEMO.service]));
    for (const other of [DEMO.customer, DEMO.partner, DEMO.investor]) expect(emails).not.toContain(other);
    expect(staff.every((u) => u.audiences.includes('staff'))).toBe(true);
    expect(new Set(emails).size).toBe(emails.length);

    const customers = await allUsers('&audience=customer');
    expect(customers.map((u) => u.email)).toContain(DEMO.customer);
    expect(customers.every((u) => u.audiences.includes('customer'))).toBe(true);
  });

  it('reads one user, and answers 404 for an unknown id', async () => {
    const one = await call('GET', `/users/${adminId}`, { token: tokens.admin });
    expect(one.status).toBe(200);
    expect(one.body.email).toBe(DEMO.admin);
    const missing = await call('GET', '/users/no-such-user', { token: tokens.admin });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('creating staff', () => {
  it('creates a staff login with a password, which can sign in at once', async () => {
    const email = uniqueEmail('kasir');
    const created = await createUser({ email: email.toUpperCase(), name: 'Kasih Permata', roles: ['service', 'marketing'], password: PASSWORD });
    expect(created).toMatchObject({ email, name: 'Kasih Permata', audiences: ['staff'], roles: ['service', 'marketing'], status: 'active', version: 1 });
    expect(created).not.toHaveProperty('passwordHash');

    const signIn = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user).toMatchObject({ id: created.id, audiences: ['staff'], roles: ['service', 'marketing'] });
    // The roles take effect: a service/marketing login may edit accounts.
    const account = await call('POST', '/accounts', { token: signIn.body.token, body: { name: `PT. Staf ${randomBytes(3).toString('hex')}` } });
    expect(account.status).toBe(201);
  }, 30_000);

  it('creates a staff login without a password: the invitation mail lets the person set one', async () => {
    const email = uniqueEmail('undangan');
    const created = await createUser({ email, name: 'Rahmat Hidayat', roles: ['sales'], locale: 'en' });
    expect(created).toMatchObject({ status: 'pending', roles: ['sales'] });

    const mail = await waitForMail(email);
    expect(mail.subject).toMatch(/staff account/i);
    expect(mail.body.text).toContain('Rahmat Hidayat');
    expect(mail.body.text).toMatch(/http:\/\/localhost:4000\//);

    const before = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(before.status).not.toBe(200);

    const confirmed = await call('POST', '/auth/password-reset/confirm', { body: { token: tokenIn(mail), password: PASSWORD } });
    expect(confirmed.status).toBe(200);
    const signIn = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.roles).toEqual(['sales']);
    expect((await call('GET', `/users/${created.id}`, { token: tokens.admin })).body.status).toBe('active');
  }, 30_000);

  it('refuses an e-mail that another login uses with 409 email_in_use', async () => {
    for (const email of [DEMO.customer, DEMO.sales.toUpperCase()]) {
      const answer = await call('POST', '/users', { token: tokens.admin, body: { email, name: 'Kembar', roles: ['sales'], password: PASSWORD } });
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('email_in_use');
    }
    const users = await call('GET', '/users?limit=100', { token: tokens.admin });
    expect(users.body.items.filter((u: any) => u.name === 'Kembar')).toEqual([]);
    // The demo customer still signs in with its own password.
    expect((await call('POST', '/auth/login', { body: { email: DEMO.customer, password: 'relasi-demo-2026' } })).status).toBe(200);
  }, 30_000);

  it('refuses unknown roles and an empty role list with 400', async () => {
    for (const roles of [['superuser'], [], ['customer']]) {
      const answer = await call('POST', '/users', { token: tokens.admin, body: { email: uniqueEmail('peran'), name: 'Peran', roles, password: PASSWORD } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
  });
});

describe('changing users', () => {
  it('changes roles with If-Match, and the new roles apply to the signed-in user', async () => {
    const email = uniqueEmail('naik');
    const user = await createUser({ email, name: 'Naik Pangkat', roles: ['investor_relations'], password: PASSWORD });
    const token = await login(email, PASSWORD);
    expect((await call('POST', '/accounts', { token, body: { name: 'PT. Belum Boleh' } })).status).toBe(403);

    const noVersion = await call('PATCH', `/users/${user.id}`, { token: tokens.admin, body: { roles: ['sales'] } });
    expect(noVersion.status).toBe(428);
    expect(noVersion.body.error.code).toBe('precondition_required');

    const changed = await call('PATCH', `/users/${user.id}`, { token: tokens.admin, headers: { 'if-match': '1' }, body: { roles: ['sales'] } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['sales'], version: 2 });

    const stale = await call('PATCH', `/users/${user.id}`, { token: tokens.admin, headers: { 'if-match': '1' }, body: { roles: ['admin'] } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await call('GET', `/users/${user.id}`, { token: tokens.admin })).body.roles).toEqual(['sales']);

    expect((await call('GET', '/auth/me', { token })).body.user.roles).toEqual(['sales']);
    const created = await call('POST', '/accounts', { token, body: { name: `PT. Sudah Boleh ${randomBytes(3).toString('hex')}` } });
    expect(created.status).toBe(201);
  }, 30_000);

  it('disables a user: the existing session ends and sign-in fails; enabling lets the user back in', async () => {
    const email = uniqueEmail('nonaktif');
    const user = await createUser({ email, name: 'Nona Aktif', roles: ['sales'], password: PASSWORD });
    const token = await login(email, PASSWORD);
    expect((await call('GET', '/accounts', { token })).status).toBe(200);

    const disabled = await call('PATCH', `/users/${user.id}`, { token: tokens.admin, headers: { 'if-match': '1' }, body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');

    const afterDisable = await call('GET', '/accounts', { token });
    expect(afterDisable.status).toBe(401);
    expect(afterDisable.body.error.code).toBe('unauthenticated');
    expect((await call('GET', '/auth/me', { token })).status).toBe(401);

    const refused = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_credentials');
    const wrongPassword = await call('POST', '/auth/login', { body: { email, password: 'not-the-password' } });
    expect(wrongPassword.body).toEqual(refused.body);

    // A password reset does not bring a disabled login back either.
    expect((await call('POST', '/auth/password-reset', { body: { email } })).status).toBe(202);

    const enabled = await call('PATCH', `/users/${user.id}`, { token: tokens.admin, headers: { 'if-match': '2' }, body: { disabled: false } });
    expect(enabled.status).toBe(200);
    expect(enabled.body.status).toBe('active');
    // The old session stays ended.
    expect((await call('GET', '/accounts', { token })).status).toBe(401);
    const back = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(back.status).toBe(200);
    expect((await call('GET', '/accounts', { token: back.body.token })).status).toBe(200);
  }, 30_000);

  it('renames a user', async () => {
    const user = await createUser({ email: uniqueEmail('nama'), name: 'Nama Lama', roles: ['marketing'], password: PASSWORD });
    const renamed = await call('PATCH', `/users/${user.id}`, { token: tokens.admin, headers: { 'if-match': '1' }, body: { name: 'Nama Baru' } });
    expect(renamed.status).toBe(200);
    expect((await call('GET', `/users/${user.id}`, { token: tokens.admin })).body.name).toBe('Nama Baru');
  }, 30_000);

  it('does not let the admin disable or demote itself (422 cannot_demote_self)', async () => {
    const version = (await call('GET', `/users/${adminId}`, { token: tokens.admin })).body.version;
    for (const body of [{ disabled: true }, { roles: ['sales'] }]) {
      const answer = await call('PATCH', `/users/${adminId}`, { token: tokens.admin, headers: { 'if-match': String(version) }, body });
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe('cannot_demote_self');
    }
    const me = await call('GET', `/users/${adminId}`, { token: tokens.admin });
    expect(me.body).toMatchObject({ status: 'active', roles: ['admin'], version });
    expect((await call('GET', '/users', { token: tokens.admin })).status).toBe(200);
  });

  it('gives staff roles only to staff logins (422 not_staff)', async () => {
    const customer = (await call('GET', '/users?limit=100', { token: tokens.admin })).body.items.find((u: any) => u.email === DEMO.customer);
    const answer = await call('PATCH', `/users/${customer.id}`, { token: tokens.admin, headers: { 'if-match': String(customer.version) }, body: { roles: ['admin'] } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('not_staff');
    expect((await call('GET', `/users/${customer.id}`, { token: tokens.admin })).body.roles).toEqual([]);
    expect((await call('GET', '/users', { token: tokens.customer })).status).toBe(403);
  });

  it('answers 404 when changing an unknown user', async () => {
    const answer = await call('PATCH', '/users/no-such-user', { token: tokens.admin, headers: { 'if-match': '1' }, body: { name: 'Nobody' } });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });

  it('refuses an empty change with 400', async () => {
    const answer = await call('PATCH', `/users/${adminId}`, { token: tokens.admin, headers: { 'if-match': '1' }, body: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });
});

// The zone a user reads dates and times in: kept on the profile, absent until chosen (the
// portals then use the company's, Asia/Jakarta).
describe('the time zone of the profile', () => {
  it('is absent until chosen, then kept and answered with the user', async () => {
    expect((await call('GET', '/auth/me', { token: tokens.sales })).body.user.timeZone).toBeUndefined();
    const saved = await call('PATCH', '/auth/me', { token: tokens.sales, body: { timeZone: 'Asia/Makassar' } });
    expect(saved.status).toBe(200);
    expect(saved.body.user.timeZone).toBe('Asia/Makassar');
    expect((await call('GET', '/auth/me', { token: tokens.sales })).body.user).toMatchObject({ timeZone: 'Asia/Makassar', locale: 'id' });
  });

  it('refuses a name that is no IANA zone with 400 and leaves the kept one', async () => {
    await call('PATCH', '/auth/me', { token: tokens.service, body: { timeZone: 'Asia/Jayapura' } });
    for (const timeZone of ['Mars/Olympus_Mons', 'WIB', '', 'x'.repeat(65)]) {
      const answer = await call('PATCH', '/auth/me', { token: tokens.service, body: { timeZone } });
      expect([timeZone, answer.status, answer.body.error.code]).toEqual([timeZone, 400, 'validation_failed']);
    }
    expect((await call('GET', '/auth/me', { token: tokens.service })).body.user.timeZone).toBe('Asia/Jayapura');
  });
});

type SignIn = { at: string; userId: string; name: string; email: string; audience?: string };

describe('recent sign-ins', () => {
  it('lists the latest sign-ins newest first, with who signed in, and only to admins', async () => {
    await login('sales');
    await login('customer');
    const answer = await call<{ items: SignIn[] }>('GET', '/users/sign-ins', { token: tokens.admin });
    expect(answer.status).toBe(200);
    const { items } = answer.body;
    // Newest first: the two above, after demoWorld's and this file's earlier sign-ins; at most 10 shown.
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.length).toBeLessThanOrEqual(10);
    expect(items.slice(0, 2).map((s) => s.email)).toEqual(['yeyen@kita.example', 'sales@kaktus.example']);
    expect(items[1]).toMatchObject({ name: 'Budi Santoso', userId: expect.any(String) });
    expect(items.map((s) => s.at)).toEqual([...items.map((s) => s.at)].sort().reverse());

    for (const who of ['sales', 'service', 'customer'] as const) {
      expect((await call('GET', '/users/sign-ins', { token: tokens[who] })).status).toBe(403);
    }
    expect((await call('GET', '/users/sign-ins')).status).toBe(401);
  });

  it('shows 10 at most', async () => {
    for (let i = 0; i < 4; i++) await login('service');
    const answer = await call<{ items: SignIn[] }>('GET', '/users/sign-ins', { token: tokens.admin });
    expect(answer.body.items).toHaveLength(10);
    expect(answer.body.items.slice(0, 4).every((s) => s.email === 'service@kaktus.example')).toBe(true);
  });

  it('does not note a failed sign-in', async () => {
    const before = (await call<{ items: SignIn[] }>('GET', '/users/sign-ins', { token: tokens.admin })).body.items;
    expect((await call('POST', '/auth/login', { body: { email: 'sales@kaktus.example', password: 'not-the-password' } })).status).toBe(401);
    expect((await call<{ items: SignIn[] }>('GET', '/users/sign-ins', { token: tokens.admin })).body.items).toEqual(before);
  });
});
