import { randomUUID } from 'node:crypto';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { call, DEMO, DEMO_PASSWORD, demoWorld, login, SETUP_TIMEOUT_MS, STAFF_ORIGIN } from '../../support/api.helper';
import { startMailPump, waitForMail, mailsTo, type CaughtMail } from '../../support/mail.helper';

let tokens: Awaited<ReturnType<typeof demoWorld>>;
let pump: StreamPump;

beforeAll(async () => {
  tokens = await demoWorld();
  pump = await startMailPump();
}, SETUP_TIMEOUT_MS);
afterAll(() => pump.stop());

const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.org`;

/** The token in the link of a mail (`…?token=…`). */
function linkToken(mail: CaughtMail): string {
  const text = mail.body.text ?? mail.body.html ?? '';
  const token = /[?&]token=([^&\s"<]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no token link in mail "${mail.subject}"`);
  return decodeURIComponent(token);
}

function cookieFrom(answer: { headers: Headers }): string {
  const setCookie = answer.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

describe('sign in and sessions', () => {
  test('login answers the user of API.md and a session cookie named for the portal', async () => {
    const answer = await call('POST', '/auth/login', { body: { email: DEMO.sales, password: DEMO_PASSWORD }, headers: { 'x-relasi-portal': 'staff', origin: STAFF_ORIGIN } });
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({ email: DEMO.sales, name: 'Budi Santoso', audiences: ['staff'], roles: ['sales'], locale: 'id' });
    expect(answer.body.token).toMatch(/^[\w-]{40,}$/);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^relasi_staff=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await call('GET', '/auth/me', { headers: { cookie: cookieFrom(answer), 'x-relasi-portal': 'staff' } });
    expect(me.body.user.email).toBe(DEMO.sales);
    // The cookie of one portal is not read by another.
    const elsewhere = await call('GET', '/auth/me', { headers: { cookie: cookieFrom(answer), 'x-relasi-portal': 'customer' } });
    expect(elsewhere.status).toBe(401);
  });

  test('wrong password and unknown e-mail get the same answer', async () => {
    const wrongPassword = await call('POST', '/auth/login', { body: { email: DEMO.service, password: 'not-the-password' } });
    const unknown = await call('POST', '/auth/login', { body: { email: uniqueEmail('nobody'), password: 'not-the-password' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
  });

  test('a login is refused by a portal that is not its own', async () => {
    const answer = await call('POST', '/auth/login', { body: { email: DEMO.customer, password: DEMO_PASSWORD }, headers: { 'x-relasi-portal': 'staff' } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('wrong_portal');
  });

  test('the customer user carries its party and account', async () => {
    const me = await call('GET', '/auth/me', { token: tokens.customer });
    expect(me.body.user).toMatchObject({ email: DEMO.customer, audiences: ['customer'] });
    expect(me.body.user.accountId).toEqual(expect.any(String));
    const account = await call('GET', `/accounts/${me.body.user.accountId}`, { token: tokens.customer });
    expect(account.body.name).toBe('PT. KITA');
  });

  test('logout ends the session at once', async () => {
    const token = await login('service');
    expect((await call('GET', '/auth/me', { token })).status).toBe(200);
    expect((await call('POST', '/auth/logout', { token })).status).toBe(204);
    const after = await call('GET', '/auth/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  test('ten failed sign-ins lock that e-mail for a while, not other people', async () => {
    const email = uniqueEmail('locked');
    const password = 'a-good-long-password';
    await call('POST', '/auth/register', { body: { email, password, name: 'Lock Test', audience: 'investor' } });
    await call('POST', '/auth/verify', { body: { token: linkToken(await waitForMail(email)) } });
    for (let i = 0; i < 10; i++) {
      expect((await call('POST', '/auth/login', { body: { email, password: `wrong-${i}-password` } })).status).toBe(401);
    }
    const locked = await call('POST', '/auth/login', { body: { email, password } });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect(locked.headers.get('retry-after')).toBeTruthy();
    // Same (test) IP, another person: unaffected.
    expect((await call('POST', '/auth/login', { body: { email: DEMO.investor, password: DEMO_PASSWORD } })).status).toBe(200);
  }, 60_000);
});

describe('CSRF', () => {
  let cookie: string;
  beforeAll(async () => {
    const answer = await call('POST', '/auth/login', { body: { email: DEMO.sales, password: DEMO_PASSWORD }, headers: { 'x-relasi-portal': 'staff', origin: STAFF_ORIGIN } });
    cookie = cookieFrom(answer);
  });
  const headers = (extra: Record<string, string> = {}) => ({ cookie, 'x-relasi-portal': 'staff', ...extra });

  test('a cookie write from a foreign origin, or with no origin, is refused and changes nothing', async () => {
    const name = `CSRF ${randomUUID()}`;
    const foreign = await call('POST', '/accounts', { body: { name }, headers: headers({ origin: 'https://evil.example' }) });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('csrf_origin_mismatch');
    const missing = await call('POST', '/accounts', { body: { name }, headers: headers() });
    expect(missing.status).toBe(403);
    const list = await call('GET', `/accounts?q=${encodeURIComponent(name)}`, { token: tokens.sales });
    expect(list.body.items).toHaveLength(0);
  });

  test('a cookie write from the portal origin and a bearer write without origin both work', async () => {
    expect((await call('POST', '/accounts', { body: { name: `Own origin ${randomUUID()}` }, headers: headers({ origin: STAFF_ORIGIN }) })).status).toBe(201);
    expect((await call('POST', '/accounts', { body: { name: `Bearer ${randomUUID()}` }, token: tokens.sales })).status).toBe(201);
  });

  test('a cookie write through one portal from another portal\'s origin is refused; from its own it works', async () => {
    const CUSTOMER_ORIGIN = 'http://localhost:4001';
    const signedIn = await call('POST', '/auth/login', { body: { email: DEMO.customer, password: DEMO_PASSWORD }, headers: { 'x-relasi-portal': 'customer', origin: CUSTOMER_ORIGIN } });
    const customer = (origin: string) => ({ cookie: cookieFrom(signedIn), 'x-relasi-portal': 'customer', origin });

    const fromStaff = await call('PATCH', '/auth/me', { body: { name: 'Written from the staff portal' }, headers: customer(STAFF_ORIGIN) });
    expect(fromStaff.status).toBe(403);
    expect(fromStaff.body.error.code).toBe('csrf_origin_mismatch');
    expect((await call('GET', '/auth/me', { headers: customer(CUSTOMER_ORIGIN) })).body.user.name).not.toBe('Written from the staff portal');

    const fromOwn = await call('PATCH', '/auth/me', { body: { locale: 'id' }, headers: customer(CUSTOMER_ORIGIN) });
    expect(fromOwn.status).toBe(200);
  });

  test('sign-in from a foreign origin is refused', async () => {
    const answer = await call('POST', '/auth/login', { body: { email: DEMO.sales, password: DEMO_PASSWORD }, headers: { origin: 'https://evil.example' } });
    expect(answer.status).toBe(403);
  });
});

describe('registration and verification', () => {
  test('a new customer registers, verifies by the mailed link and signs in', async () => {
    const email = uniqueEmail('newcustomer');
    const password = 'kue-lapis-legit-2026';
    const registered = await call('POST', '/auth/register', { body: { email, password, name: 'Rina Kusuma', audience: 'customer', company: 'PT. Baru Jaya', locale: 'id' } });
    expect(registered.status).toBe(202);
    const mail = await waitForMail(email);
    expect(mail.subject).toMatch(/konfirmasi|verif/i);
    expect(mail.body.text).toContain('http://localhost:4001/verify/?token=');

    const early = await call('POST', '/auth/login', { body: { email, password } });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('email_not_verified');

    const token = linkToken(mail);
    expect((await call('POST', '/auth/verify', { body: { token } })).status).toBe(200);
    const again = await call('POST', '/auth/verify', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');

    const signedIn = await call('POST', '/auth/login', { body: { email, password } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ name: 'Rina Kusuma', audiences: ['customer'], locale: 'id' });
    expect(signedIn.body.user.accountId).toBeUndefined();
  }, 30_000);

  test('registering a known e-mail answers the same and creates nothing', async () => {
    const answer = await call('POST', '/auth/register', { body: { email: DEMO.partner, password: 'another-password-1', name: 'Impostor', audience: 'investor' } });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ status: 'accepted' });
    // The original password still works, and the login did not become an investor.
    const real = await call('POST', '/auth/login', { body: { email: DEMO.partner, password: DEMO_PASSWORD } });
    expect(real.body.user.audiences).toEqual(['partner']);
    expect((await call('POST', '/auth/login', { body: { email: DEMO.partner, password: 'another-password-1' } })).status).toBe(401);
  });

  test('a forged verification token is refused', async () => {
    const answer = await call('POST', '/auth/verify', { body: { token: 'x'.repeat(43) } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_token');
  });

  test('staff cannot be self-registered', async () => {
    const answer = await call('POST', '/auth/register', { body: { email: uniqueEmail('staff'), password: 'long-enough-pw', name: 'X', audience: 'staff' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });
});

describe('password reset', () => {
  test('the mailed link sets a new password and ends the old sessions', async () => {
    const email = uniqueEmail('reset');
    await call('POST', '/auth/register', { body: { email, password: 'first-password-1', name: 'Reset Me', audience: 'partner' } });
    await call('POST', '/auth/verify', { body: { token: linkToken(await waitForMail(email)) } });
    const oldSession = await login(email, 'first-password-1');

    expect((await call('POST', '/auth/password-reset', { body: { email } })).status).toBe(202);
    const mail = await waitForMail(email, (m) => /reset|atur ulang|sandi/i.test(m.subject));
    expect(mail.body.text).toContain('http://localhost:4002/reset-password/?token=');
    const confirmed = await call('POST', '/auth/password-reset/confirm', { body: { token: linkToken(mail), password: 'second-password-2' } });
    expect(confirmed.status).toBe(200);

    expect((await call('GET', '/auth/me', { token: oldSession })).status).toBe(401);
    expect((await call('POST', '/auth/login', { body: { email, password: 'first-password-1' } })).status).toBe(401);
    expect((await call('POST', '/auth/login', { body: { email, password: 'second-password-2' } })).status).toBe(200);
  }, 30_000);

  test('known and unknown addresses get the same answers and the same limit', async () => {
    const sequence = async (email: string) => {
      const answers = [];
      for (let i = 0; i < 6; i++) {
        const { status, body, headers } = await call('POST', '/auth/password-reset', { body: { email }, address: '198.51.100.5' });
        answers.push({ status, body, retryAfter: headers.get('retry-after') });
      }
      return answers;
    };
    const known = await sequence(DEMO.investor);
    const unknown = await sequence(uniqueEmail('nobody'));
    expect(known.map((a) => a.status)).toEqual([202, 202, 202, 202, 202, 429]);
    expect(unknown).toEqual(known);
  });

  test('a new X-Forwarded-For on every request does not escape the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const answer = await call('POST', '/auth/password-reset', { body: { email: uniqueEmail('spray') }, address: '198.51.100.6', headers: { 'x-forwarded-for': `10.9.${i}.1` } });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 202)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  test('an unknown e-mail gets the same answer and no mail', async () => {
    const email = uniqueEmail('ghost');
    const answer = await call('POST', '/auth/password-reset', { body: { email } });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ status: 'accepted' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailsTo(email)).toHaveLength(0);
  });
});

describe('caching', () => {
  test('answers with personal data or a session are never kept by a cache', async () => {
    const signedIn = await call('POST', '/auth/login', { body: { email: DEMO.service, password: DEMO_PASSWORD } });
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    const me = await call('GET', '/auth/me', { token: signedIn.body.token });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });
});

describe('profile', () => {
  test('a person changes their own name and language', async () => {
    const token = await login('investor');
    const answer = await call('PATCH', '/auth/me', { token, body: { locale: 'en', name: 'Dewi A.' } });
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({ locale: 'en', name: 'Dewi A.' });
    expect((await call('GET', '/auth/me', { token })).body.user.locale).toBe('en');
  });
});

describe('company profile', () => {
  test('anyone reads it; only admin and investor relations change it', async () => {
    const open = await call('GET', '/company');
    expect(open.status).toBe(200);
    expect(open.body.name).toBe('PT. Kaktus Berduri');
    expect(open.body.vision.id).toMatch(/katering/i);
    const { version, updatedAt: _u, ...content } = open.body;
    const bySales = await call('PUT', '/company', { token: tokens.sales, body: content, headers: { 'if-match': String(version) } });
    expect(bySales.status).toBe(403);
    const byAdmin = await call('PUT', '/company', { token: tokens.admin, body: { ...content, name: 'PT. Kaktus Berduri Tbk' }, headers: { 'if-match': String(version) } });
    expect(byAdmin.status).toBe(200);
    expect((await call('GET', '/company')).body.name).toBe('PT. Kaktus Berduri Tbk');
  });
});

describe('health and documentation', () => {
  test('health reports the database', async () => {
    const answer = await call('GET', '/health');
    expect(answer.body).toEqual({ status: 'ok', db: 'ok' });
  });

  test('the OpenAPI 3.1 document lists every route and the reference page renders', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of ['/auth/login', '/auth/register', '/users/{id}', '/accounts/{id}/timeline', '/accounts/{id}/contacts/{contactId}', '/contacts/{id}/portal-access']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(doc.body.components.schemas.Account.properties.version).toBeDefined();
    const { app } = await import('../../../functions/api/app');
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/v1/accounts/{id}/timeline');
  });
});
