// What the leads-*.test.ts files share: the demo world, the sales rep's id and the calls that make and find leads.
import { call, DEMO_PASSWORD, demoWorld, everyPage, login, type DemoLogin } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';

/** The demo logins' tokens, filled in by setUpLeads. */
export const tokens = {} as Record<DemoLogin, string>;
/** The demo sales rep's user id, set by setUpLeads. */
export let salesUserId: string;

/** The file's beforeAll: a fresh demo table and its logins. */
export async function setUpLeads(): Promise<void> {
  Object.assign(tokens, await demoWorld());
  salesUserId = (await call('GET', '/auth/me', { token: tokens.sales })).body.user.id;
}

/** A new web lead, created by sales unless `token` says otherwise. */
export async function createLead(body: Record<string, unknown>, token = tokens.sales) {
  const answer = await call('POST', '/leads', { token, body: { source: 'web', ...body } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** A staff login with the given roles, created by the admin: its id and token. */
export async function staffWith(roles: string[]): Promise<{ id: string; token: string }> {
  const email = `${roles.join('-')}-${tag()}@kaktus.example`;
  const created = await call('POST', '/users', { token: tokens.admin, body: { email, name: `Staf ${roles.join(' ')}`, roles, password: DEMO_PASSWORD } });
  expect(created.status).toBe(201);
  return { id: created.body.id, token: await login(email) };
}

/** Every lead a list query returns, walking all pages. */
export const allLeads = (query = '', token = tokens.sales) => everyPage(`/leads?limit=100${query}`, token, 100);

/** The opportunity a conversion asks for. */
export const draft = (name = 'Catering contract', extra: Record<string, unknown> = {}) => ({ name, expectedRevenue: { amount: 150_000_000_00, currency: 'IDR' }, ...extra });
