// What the accounts-*.test.ts files share: the demo world and the calls that make and find accounts.
import { randomBytes } from 'node:crypto';
import { call, demoWorld, everyPage, type DemoLogin } from '../../support/api.helper';

/** The demo logins' tokens, filled in by setUpAccounts. */
export const tokens = {} as Record<DemoLogin, string>;

/** The file's beforeAll: a fresh demo table and its logins. */
export async function setUpAccounts(): Promise<void> {
  Object.assign(tokens, await demoWorld());
}

export const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

/** A new account, created by sales unless `token` says otherwise. */
export async function createAccount(name: string, extra: Record<string, unknown> = {}, token = tokens.sales) {
  const answer = await call('POST', '/accounts', { token, body: { name, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** A new contact, created by sales. */
export async function createContact(lastName: string, extra: Record<string, unknown> = {}) {
  const answer = await call('POST', '/contacts', { token: tokens.sales, body: { lastName, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** Every account whose name starts with the prefix, walking all pages. */
export const accountsNamed = (prefix: string, token = tokens.admin) => everyPage(`/accounts?q=${encodeURIComponent(prefix)}&limit=100`, token);
