// What the opportunities-*.test.ts files share: the demo world, the ids of its records and the calls that make and change opportunities.
import { randomBytes } from 'node:crypto';
import { call, demoWorld, type DemoLogin } from '../../support/api.helper';

/** The demo logins' tokens, filled in by setUpOpportunities. */
export const tokens = {} as Record<DemoLogin, string>;
export const ids = {} as { kita: string; sinar: string; salesUser: string; hendra: string };

/** The file's beforeAll: a fresh demo table, its logins and the ids the tests use. */
export async function setUpOpportunities(): Promise<void> {
  Object.assign(tokens, await demoWorld());
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const accountId = (name: string) => accounts.body.items.find((a: any) => a.name === name).id as string;
  const contacts = await call('GET', '/contacts?limit=100', { token: tokens.admin });
  const me = await call('GET', '/auth/me', { token: tokens.sales });
  Object.assign(ids, { kita: accountId('PT. KITA'), sinar: accountId('PT. Sinar Pagi'), salesUser: me.body.user.id, hendra: contacts.body.items.find((c: any) => c.lastName === 'Gunawan').id });
}

/** A new opportunity on PT. KITA, created by sales unless `token` says otherwise. */
export async function createOpportunity(extra: Record<string, unknown> = {}, token = tokens.sales) {
  const answer = await call('POST', '/opportunities', { token, body: { name: `Catering ${randomBytes(3).toString('hex')}`, accountId: ids.kita, expectedRevenue: { amount: 150_000_000, currency: 'IDR' }, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** A change to the opportunity with If-Match `version`. */
export const patch = (id: string, version: number, body: Record<string, unknown>, token = tokens.sales) => call('PATCH', `/opportunities/${id}`, { token, body, headers: { 'if-match': String(version) } });
