import { randomBytes } from 'node:crypto';
import { call, DEMO_PASSWORD, type DemoLogin } from './api.helper';

/** A new sales rep's login, created by the admin with a password (active) or with an invitation still open (pending): its user id. */
export async function newRepId(adminToken: string, signedUp = true): Promise<string> {
  const email = `rep-${randomBytes(4).toString('hex')}@kaktus.example`;
  const created = await call('POST', '/users', { token: adminToken, body: { email, name: 'Rep Baru', roles: ['sales'], ...(signedUp ? { password: DEMO_PASSWORD } : {}) } });
  if (created.status !== 201) throw new Error(`user ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** Ids no account, lead, opportunity or activity may be owned by, each with what it is. */
export async function refusedOwnerIds(tokens: Record<DemoLogin, string>): Promise<[what: string, id: string][]> {
  const idOf = async (who: DemoLogin) => (await call('GET', '/auth/me', { token: tokens[who] })).body.user.id as string;
  const retired = await newRepId(tokens.admin);
  const disabled = await call('PATCH', `/users/${retired}`, { token: tokens.admin, headers: { 'if-match': '1' }, body: { disabled: true } });
  if (disabled.status !== 200) throw new Error(`disable ${disabled.status} ${JSON.stringify(disabled.body)}`);
  return [
    ['a customer', await idOf('customer')],
    ['an investor', await idOf('investor')],
    ['a disabled staff login', retired],
    ['an invited staff login not yet signed up', await newRepId(tokens.admin, false)],
    ['a made-up id', `nobody-${randomBytes(4).toString('hex')}`],
  ];
}
