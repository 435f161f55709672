import { randomUUID } from 'node:crypto';
import { newUserRecord, userRepository } from '../../../shared/modules/identity/db/user.repository';
import { op, transact } from '../../../shared/platform/db/transaction';
import { hashPassword } from '../../../shared/platform/crypto/password';
import { call, SETUP_TIMEOUT_MS, type Answer } from '../../support/api.helper';
import { createTestTable } from '../../support/test-table.helper';

const PASSWORD = 'owner-knows-this-one';
const INVESTOR_ORIGIN = 'http://localhost:4003';
let passwordHash: string;

beforeAll(async () => {
  await createTestTable();
  passwordHash = await hashPassword(PASSWORD);
}, SETUP_TIMEOUT_MS);

/** An active investor login of its own, so each test's guessing locks only its own account. */
async function newLogin(): Promise<string> {
  const email = `owner-${randomUUID().slice(0, 8)}@example.org`;
  const user = newUserRecord({ partyId: randomUUID(), email, name: 'Owner', passwordHash, status: 'active', audiences: ['investor'], roles: [], locale: 'en' });
  await transact(userRepository.createOperations(user).map(op.put));
  return email;
}

/** A sign-in through the investor portal, as its pages send it; `cookie` is what the browser holds. */
function signIn(email: string, password: string, options: { cookie?: string; address?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'x-relasi-portal': 'investor', origin: INVESTOR_ORIGIN };
  if (options.cookie) headers.cookie = options.cookie;
  return call('POST', '/auth/login', { body: { email, password }, headers, address: options.address });
}

/** The `name=value` of the device cookie a sign-in set. */
function deviceCookieOf(answer: Answer): string {
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('relasi_device_investor='));
  if (!cookie) throw new Error(`no device cookie in ${JSON.stringify(answer.headers.getSetCookie())}`);
  return cookie.split(';')[0]!;
}

async function tenWrongGuesses(email: string, options: { cookie?: string; address?: string } = {}): Promise<void> {
  for (let i = 0; i < 10; i++) expect((await signIn(email, `guess-${i}-wrong-password`, options)).status).toBe(401);
}

describe('sign-in throttling with device cookies', () => {
  test('a successful sign-in leaves a long-lived, HttpOnly, SameSite device cookie that only sign-in receives', async () => {
    const answer = await signIn(await newLogin(), PASSWORD);
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('relasi_device_investor='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/login/);
    expect(Number(/Max-Age=(\d+)/i.exec(cookie)?.[1])).toBeGreaterThanOrEqual(90 * 24 * 60 * 60);
  });

  test('while a stranger guesses, the owner signs in on a browser that did before; an unknown browser waits', async () => {
    const email = await newLogin();
    const device = deviceCookieOf(await signIn(email, PASSWORD, { address: '198.51.100.1' }));

    await tenWrongGuesses(email, { address: '203.0.113.66' });

    const owner = await signIn(email, PASSWORD, { cookie: device, address: '198.51.100.1' });
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(email);
    const unknownBrowser = await signIn(email, PASSWORD, { address: '198.51.100.1' });
    expect(unknownBrowser.status).toBe(429);
    expect(unknownBrowser.body.error.code).toBe('too_many_attempts');
    expect(unknownBrowser.headers.get('retry-after')).toBe(String(15 * 60));
  }, 120_000);

  test('a forged or tampered device cookie counts as none', async () => {
    const email = await newLogin();
    const [name, value] = deviceCookieOf(await signIn(email, PASSWORD)).split('=') as [string, string];
    await tenWrongGuesses(email, { address: '203.0.113.67' });

    const [payload, signature] = value.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, n: 'another-nonce' })).toString('base64url');
    for (const forged of [`${tampered}.${signature}`, `${payload}.${'A'.repeat(signature.length)}`, 'not-a-device-token']) {
      const answer = await signIn(email, PASSWORD, { cookie: `${name}=${forged}` });
      expect(answer.status).toBe(429);
    }
    // Another login's genuine cookie does not vouch for this one either.
    const otherDevice = deviceCookieOf(await signIn(await newLogin(), PASSWORD));
    expect((await signIn(email, PASSWORD, { cookie: otherDevice })).status).toBe(429);
  }, 120_000);

  test('an API client sends the deviceToken of its last sign-in in the body and gets the same protection', async () => {
    const email = await newLogin();
    const first = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(first.status).toBe(200);
    expect(first.body.deviceToken).toEqual(expect.any(String));

    await tenWrongGuesses(email, { address: '203.0.113.68' });

    const again = await call('POST', '/auth/login', { body: { email, password: PASSWORD, deviceToken: first.body.deviceToken } });
    expect(again.status).toBe(200);
    expect((await call('POST', '/auth/login', { body: { email, password: PASSWORD } })).status).toBe(429);
  }, 120_000);

  test('ten failures from a known device lock out that device only', async () => {
    const email = await newLogin();
    const stolen = deviceCookieOf(await signIn(email, PASSWORD));
    const owners = deviceCookieOf(await signIn(email, PASSWORD));

    await tenWrongGuesses(email, { cookie: stolen });

    expect((await signIn(email, PASSWORD, { cookie: stolen })).status).toBe(429);
    expect((await signIn(email, PASSWORD, { cookie: owners })).status).toBe(200);
    // Nor did that device's guessing count against browsers without a cookie.
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  }, 120_000);
});
