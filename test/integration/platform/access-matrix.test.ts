import { randomUUID } from 'node:crypto';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';

/**
 * The cross-party proof: every route that takes an id, called by someone who must not reach
 * the record. A customer (linked to PT. KITA only) learns nothing about other records: their
 * answer is the same as for an id that does not exist. Partners and investors are refused,
 * anonymous callers must sign in, and nothing changes behind a refused write.
 */

let tokens: Record<DemoLogin, string>;
const ids = {} as {
  kita: string;
  sinar: string;
  harapan: string;
  yeyen: string;
  hendra: string;
  sari: string;
  adminUser: string;
  salesUser: string;
  leadImport: string;
  sinarTicket: string;
};

beforeAll(async () => {
  tokens = await demoWorld();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const accountId = (name: string) => accounts.body.items.find((a: any) => a.name === name).id as string;
  const contacts = await call('GET', '/contacts?limit=100', { token: tokens.admin });
  const contactId = (lastName: string) => contacts.body.items.find((c: any) => c.lastName === lastName).id as string;
  const [adminMe, salesMe] = await Promise.all([call('GET', '/auth/me', { token: tokens.admin }), call('GET', '/auth/me', { token: tokens.sales })]);
  // A lead import of the sales team (no events function runs here: it stays queued, which is enough to be read).
  const leadImport = await call('POST', '/lead-imports', { token: tokens.sales, body: { fileName: 'pameran.csv', csv: 'Name,E-mail\r\nHendra Gunawan,hendra@kita.example\r\n', mapping: { Name: 'contactName', 'E-mail': 'email' } } });
  expect(leadImport.status).toBe(202);
  // A service ticket of PT. Sinar Pagi, logged by the service desk from a call.
  const sinarTicket = await call('POST', '/tickets', { token: tokens.service, body: { accountId: accountId('PT. Sinar Pagi'), channel: 'phone', subject: 'Katering terlambat', description: 'Pesanan makan siang terlambat.' } });
  expect(sinarTicket.status).toBe(201);
  Object.assign(ids, {
    kita: accountId('PT. KITA'),
    sinar: accountId('PT. Sinar Pagi'),
    harapan: accountId('CV. Harapan Jaya'),
    yeyen: contactId('Wulandari'),
    hendra: contactId('Gunawan'),
    sari: contactId('Indah'),
    adminUser: adminMe.body.user.id,
    salesUser: salesMe.body.user.id,
    leadImport: leadImport.body.id,
    sinarTicket: sinarTicket.body.id,
  });
}, SETUP_TIMEOUT_MS);

type Request = { method: string; path: string; body?: unknown; headers?: Record<string, string> };
type Route = {
  name: string;
  /** The request on a record the caller does not reach (ids filled in once the world exists). */
  foreign: () => Request;
  /** The same request on ids that exist nowhere. */
  missing: () => Request;
  /** What the customer gets for both: 404 where the route serves customers, 403 where it never does. */
  customer: { status: 403 | 404; code: string };
};

const nobody = () => randomUUID();
const version1 = { 'if-match': '1' };

const ROUTES: Route[] = [
  {
    name: 'GET /accounts/{id}',
    foreign: () => ({ method: 'GET', path: `/accounts/${ids.sinar}` }),
    missing: () => ({ method: 'GET', path: `/accounts/${nobody()}` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'PATCH /accounts/{id}',
    foreign: () => ({ method: 'PATCH', path: `/accounts/${ids.sinar}`, headers: version1, body: { name: 'Hijacked' } }),
    missing: () => ({ method: 'PATCH', path: `/accounts/${nobody()}`, headers: version1, body: { name: 'Hijacked' } }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'DELETE /accounts/{id}',
    foreign: () => ({ method: 'DELETE', path: `/accounts/${ids.sinar}`, headers: version1 }),
    missing: () => ({ method: 'DELETE', path: `/accounts/${nobody()}`, headers: version1 }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'GET /accounts/{id}/contacts',
    foreign: () => ({ method: 'GET', path: `/accounts/${ids.sinar}/contacts` }),
    missing: () => ({ method: 'GET', path: `/accounts/${nobody()}/contacts` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'PUT /accounts/{id}/contacts/{contactId} (foreign account, foreign contact)',
    foreign: () => ({ method: 'PUT', path: `/accounts/${ids.sinar}/contacts/${ids.sari}`, body: { role: 'owner' } }),
    missing: () => ({ method: 'PUT', path: `/accounts/${nobody()}/contacts/${nobody()}`, body: { role: 'owner' } }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'PUT /accounts/{id}/contacts/{contactId} (linking oneself to a foreign account)',
    foreign: () => ({ method: 'PUT', path: `/accounts/${ids.sinar}/contacts/${ids.yeyen}`, body: { role: 'primary' } }),
    missing: () => ({ method: 'PUT', path: `/accounts/${nobody()}/contacts/${ids.yeyen}`, body: { role: 'primary' } }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'DELETE /accounts/{id}/contacts/{contactId}',
    foreign: () => ({ method: 'DELETE', path: `/accounts/${ids.sinar}/contacts/${ids.sari}` }),
    missing: () => ({ method: 'DELETE', path: `/accounts/${nobody()}/contacts/${nobody()}` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    // The timeline (internal notes, audit trail) is staff-only: customers are refused on every account alike.
    name: 'GET /accounts/{id}/timeline',
    foreign: () => ({ method: 'GET', path: `/accounts/${ids.sinar}/timeline` }),
    missing: () => ({ method: 'GET', path: `/accounts/${nobody()}/timeline` }),
    customer: { status: 403, code: 'forbidden' },
  },
  {
    name: 'POST /accounts/{id}/notes',
    foreign: () => ({ method: 'POST', path: `/accounts/${ids.sinar}/notes`, body: { body: 'Injected note' } }),
    missing: () => ({ method: 'POST', path: `/accounts/${nobody()}/notes`, body: { body: 'Injected note' } }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'GET /contacts/{id} (contact of another account)',
    foreign: () => ({ method: 'GET', path: `/contacts/${ids.sari}` }),
    missing: () => ({ method: 'GET', path: `/contacts/${nobody()}` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'GET /contacts/{id} (another contact of its own account)',
    foreign: () => ({ method: 'GET', path: `/contacts/${ids.hendra}` }),
    missing: () => ({ method: 'GET', path: `/contacts/${nobody()}` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'PATCH /contacts/{id}',
    foreign: () => ({ method: 'PATCH', path: `/contacts/${ids.sari}`, headers: version1, body: { email: 'attacker@evil.example' } }),
    missing: () => ({ method: 'PATCH', path: `/contacts/${nobody()}`, headers: version1, body: { email: 'attacker@evil.example' } }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'DELETE /contacts/{id}',
    foreign: () => ({ method: 'DELETE', path: `/contacts/${ids.hendra}`, headers: version1 }),
    missing: () => ({ method: 'DELETE', path: `/contacts/${nobody()}`, headers: version1 }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'GET /contacts/{id}/accounts',
    foreign: () => ({ method: 'GET', path: `/contacts/${ids.sari}/accounts` }),
    missing: () => ({ method: 'GET', path: `/contacts/${nobody()}/accounts` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    // Inviting is staff work: refused on any contact alike.
    name: 'POST /contacts/{id}/portal-access',
    foreign: () => ({ method: 'POST', path: `/contacts/${ids.hendra}/portal-access` }),
    missing: () => ({ method: 'POST', path: `/contacts/${nobody()}/portal-access` }),
    customer: { status: 403, code: 'forbidden' },
  },
  {
    // Lead imports are sales and marketing work: outside staff they do not exist, for any id.
    name: 'GET /lead-imports/{id}',
    foreign: () => ({ method: 'GET', path: `/lead-imports/${ids.leadImport}` }),
    missing: () => ({ method: 'GET', path: `/lead-imports/${nobody()}` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'POST /lead-imports/{id}/chunks/{chunkNo}/retry',
    foreign: () => ({ method: 'POST', path: `/lead-imports/${ids.leadImport}/chunks/1/retry` }),
    missing: () => ({ method: 'POST', path: `/lead-imports/${nobody()}/chunks/1/retry` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'GET /users/{id}',
    foreign: () => ({ method: 'GET', path: `/users/${ids.adminUser}` }),
    missing: () => ({ method: 'GET', path: `/users/${nobody()}` }),
    customer: { status: 403, code: 'forbidden' },
  },
  {
    name: 'PATCH /users/{id}',
    foreign: () => ({ method: 'PATCH', path: `/users/${ids.salesUser}`, headers: version1, body: { roles: ['admin'] } }),
    missing: () => ({ method: 'PATCH', path: `/users/${nobody()}`, headers: version1, body: { roles: ['admin'] } }),
    customer: { status: 403, code: 'forbidden' },
  },
  {
    name: 'GET /tickets/{id}',
    foreign: () => ({ method: 'GET', path: `/tickets/${ids.sinarTicket}` }),
    missing: () => ({ method: 'GET', path: `/tickets/${nobody()}` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'PATCH /tickets/{id} (closing it, the one change a customer may make)',
    foreign: () => ({ method: 'PATCH', path: `/tickets/${ids.sinarTicket}`, headers: version1, body: { status: 'closed' } }),
    missing: () => ({ method: 'PATCH', path: `/tickets/${nobody()}`, headers: version1, body: { status: 'closed' } }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'GET /tickets/{id}/messages',
    foreign: () => ({ method: 'GET', path: `/tickets/${ids.sinarTicket}/messages` }),
    missing: () => ({ method: 'GET', path: `/tickets/${nobody()}/messages` }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'POST /tickets/{id}/messages',
    foreign: () => ({ method: 'POST', path: `/tickets/${ids.sinarTicket}/messages`, body: { body: 'Injected reply' } }),
    missing: () => ({ method: 'POST', path: `/tickets/${nobody()}/messages`, body: { body: 'Injected reply' } }),
    customer: { status: 404, code: 'not_found' },
  },
  {
    name: 'POST /tickets/{id}/csat',
    foreign: () => ({ method: 'POST', path: `/tickets/${ids.sinarTicket}/csat`, body: { score: 1 } }),
    missing: () => ({ method: 'POST', path: `/tickets/${nobody()}/csat`, body: { score: 1 } }),
    customer: { status: 404, code: 'not_found' },
  },
];

const send = (request: Request, token?: string) => call(request.method, request.path, { token, body: request.body, headers: request.headers });

/** Everything a refused write could have touched, read as the admin. */
async function snapshot() {
  const get = async (path: string) => {
    const answer = await call('GET', path, { token: tokens.admin });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  return {
    accounts: await get('/accounts?limit=100'),
    contacts: await get('/contacts?limit=100'),
    users: await get('/users?limit=100'),
    links: await Promise.all([ids.kita, ids.sinar, ids.harapan].map((id) => get(`/accounts/${id}/contacts?limit=100`))),
    timelines: await Promise.all([ids.kita, ids.sinar, ids.harapan].map((id) => get(`/accounts/${id}/timeline?limit=100`))),
    contactAccounts: await Promise.all([ids.yeyen, ids.hendra, ids.sari].map((id) => get(`/contacts/${id}/accounts?limit=100`))),
    ticket: await get(`/tickets/${ids.sinarTicket}`),
    ticketMessages: await get(`/tickets/${ids.sinarTicket}/messages?limit=100`),
  };
}

/** What the records look like, so an answer can be checked for leaks. */
const SECRETS = ['PT. Sinar Pagi', 'sinarpagi', 'PT. KITA', 'kita.example', 'Hendra', 'Gunawan', 'Sari', 'Indah', 'Ayu Pratiwi', 'admin@kaktus', 'Budi Santoso'];

describe('cross-party access on every route that takes an id', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    before = await snapshot();
  }, 30_000);

  describe.each(ROUTES)('$name', (route) => {
    it(`customer: answers ${route.customer.status} exactly as for a missing id`, async () => {
      const foreign = await send(route.foreign(), tokens.customer);
      const missing = await send(route.missing(), tokens.customer);
      expect(foreign.status).toBe(route.customer.status);
      expect(foreign.body.error.code).toBe(route.customer.code);
      expect(missing.status).toBe(foreign.status);
      expect(missing.body).toEqual(foreign.body);
      expect(JSON.stringify(foreign.body)).not.toMatch(new RegExp(SECRETS.map((s) => s.replace(/\./g, '\\.')).join('|')));
    });

    it.each(['partner', 'investor'] as const)('%s: refused, with nothing of the record in the answer', async (who) => {
      const foreign = await send(route.foreign(), tokens[who]);
      expect([403, 404]).toContain(foreign.status);
      expect(['forbidden', 'not_found']).toContain(foreign.body.error.code);
      expect(JSON.stringify(foreign.body)).not.toMatch(new RegExp(SECRETS.map((s) => s.replace(/\./g, '\\.')).join('|')));
      const missing = await send(route.missing(), tokens[who]);
      expect(missing.status).toBe(foreign.status);
    });

    it('anonymous: 401 unauthenticated', async () => {
      const answer = await send(route.foreign());
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthenticated');
    });

    it('a bogus bearer token: 401 unauthenticated', async () => {
      const answer = await send(route.foreign(), 'not-a-real-session-token');
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthenticated');
    });
  });

  it('changed nothing behind the refused requests', async () => {
    expect(await snapshot()).toEqual(before);
  });
});

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
