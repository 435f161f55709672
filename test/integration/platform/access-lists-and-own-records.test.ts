import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { ids, setUpAccessWorld, tokens, version1 } from './access.fixture';

beforeAll(setUpAccessWorld, SETUP_TIMEOUT_MS);

describe("the customer's own records", () => {
  it('reads its own account PT. KITA and its contacts', async () => {
    const account = await call('GET', `/accounts/${ids.kita}`, { token: tokens.customer });
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ id: ids.kita, name: 'PT. KITA' });
    const contacts = await call('GET', `/accounts/${ids.kita}/contacts`, { token: tokens.customer });
    expect(contacts.status).toBe(200);
    expect(contacts.body.items.map((l: any) => l.contactName).sort()).toEqual(['Hendra Gunawan', 'Yeyen Wulandari']);
  });

  it('reads its own contact record and the accounts it belongs to', async () => {
    const contact = await call('GET', `/contacts/${ids.yeyen}`, { token: tokens.customer });
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ id: ids.yeyen, firstName: 'Yeyen', lastName: 'Wulandari', hasPortalAccess: true });
    const accounts = await call('GET', `/contacts/${ids.yeyen}/accounts`, { token: tokens.customer });
    expect(accounts.status).toBe(200);
    expect(accounts.body.items.map((l: any) => l.accountName)).toEqual(['PT. KITA']);
  });

  it('may not change, delete, link on or annotate its own account (403) and may not delete its own contact', async () => {
    const refused = [
      await call('PATCH', `/accounts/${ids.kita}`, { token: tokens.customer, headers: version1, body: { phone: '+62 000' } }),
      await call('DELETE', `/accounts/${ids.kita}`, { token: tokens.customer, headers: version1 }),
      await call('PUT', `/accounts/${ids.kita}/contacts/${ids.sari}`, { token: tokens.customer, body: { role: 'spy' } }),
      await call('DELETE', `/accounts/${ids.kita}/contacts/${ids.hendra}`, { token: tokens.customer }),
      await call('POST', `/accounts/${ids.kita}/notes`, { token: tokens.customer, body: { body: 'hello' } }),
      await call('PATCH', `/contacts/${ids.yeyen}`, { token: tokens.customer, headers: version1, body: { title: 'CEO' } }),
      await call('DELETE', `/contacts/${ids.yeyen}`, { token: tokens.customer, headers: version1 }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    const account = await call('GET', `/accounts/${ids.kita}`, { token: tokens.admin });
    expect(account.body).toMatchObject({ version: 1, phone: '+62 21 555 0101' });
    const kitaLinks = await call('GET', `/accounts/${ids.kita}/contacts`, { token: tokens.admin });
    expect(kitaLinks.body.items.map((l: any) => l.contactName).sort()).toEqual(['Hendra Gunawan', 'Yeyen Wulandari']);
    const yeyen = await call('GET', `/contacts/${ids.yeyen}`, { token: tokens.admin });
    expect(yeyen.body.title).toBeUndefined();
  });
});

describe('list routes', () => {
  it('lists exactly PT. KITA for the customer, whatever the search', async () => {
    const all = await call('GET', '/accounts', { token: tokens.customer });
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: any) => a.id)).toEqual([ids.kita]);
    expect(all.body.nextCursor).toBeNull();
    const sinar = await call('GET', `/accounts?q=${encodeURIComponent('PT. Sinar')}`, { token: tokens.customer });
    expect(sinar.status).toBe(200);
    expect(sinar.body.items).toEqual([]);
    const cv = await call('GET', '/accounts?q=cv', { token: tokens.customer });
    expect(cv.body.items).toEqual([]);
  });

  it('refuses the contact book and the user list to the customer', async () => {
    for (const path of ['/contacts', '/users']) {
      const answer = await call('GET', path, { token: tokens.customer });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
  });

  it.each(['partner', 'investor'] as const)('refuses %s the account, contact and user lists', async (who) => {
    for (const path of ['/accounts', '/contacts', '/users', '/accounts?q=PT']) {
      const answer = await call('GET', path, { token: tokens[who] });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
      expect(answer.body.items).toBeUndefined();
    }
  });

  it.each(['sales', 'service'] as const)('refuses %s (staff, not admin) the user administration', async (who) => {
    const list = await call('GET', '/users', { token: tokens[who] });
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('forbidden');
    const one = await call('GET', `/users/${ids.adminUser}`, { token: tokens[who] });
    expect(one.status).toBe(403);
    const create = await call('POST', '/users', { token: tokens[who], body: { email: 'sneaky@kaktus.example', name: 'Sneaky', roles: ['admin'], password: 'long-enough-password' } });
    expect(create.status).toBe(403);
    const promote = await call('PATCH', `/users/${ids.salesUser}`, { token: tokens[who], headers: version1, body: { roles: ['admin'] } });
    expect(promote.status).toBe(403);
    const sales = await call('GET', `/users/${ids.salesUser}`, { token: tokens.admin });
    expect(sales.body.roles).toEqual(['sales']);
    const users = await call('GET', '/users?limit=100', { token: tokens.admin });
    expect(users.body.items.map((u: any) => u.email)).not.toContain('sneaky@kaktus.example');
  });

  it.each(['customer', 'partner', 'investor'] as const)('answers the lead import routes with 404 for %s, creating nothing', async (who) => {
    const requests: [string, string, unknown?][] = [
      ['GET', '/lead-imports'],
      ['POST', '/lead-imports/preview', { csv: 'Name,E-mail\r\n' }],
      ['POST', '/lead-imports', { fileName: 'x.csv', csv: 'Name,E-mail\r\nX,x@evil.example\r\n', mapping: { Name: 'contactName', 'E-mail': 'email' } }],
      ['POST', `/lead-imports/${ids.leadImport}/chunks/1/retry`],
    ];
    for (const [method, path, body] of requests) {
      const answer = await call(method, path, { token: tokens[who], body });
      expect([method, path, answer.status, answer.body.error.code]).toEqual([method, path, 404, 'not_found']);
      expect(answer.body.items).toBeUndefined();
    }
    const imports = await call('GET', '/lead-imports', { token: tokens.admin });
    expect(imports.body.items.map((i: any) => i.id)).toEqual([ids.leadImport]);
  });

  it('answers every list route with 401 for an anonymous caller', async () => {
    for (const path of ['/accounts', '/contacts', '/users']) {
      const answer = await call('GET', path);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthenticated');
    }
    const create = await call('POST', '/accounts', { body: { name: 'Anonymous Ltd' } });
    expect(create.status).toBe(401);
    const found = await call('GET', '/accounts?q=Anonymous', { token: tokens.admin });
    expect(found.body.items).toEqual([]);
  });
});
