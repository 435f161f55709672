import { randomUUID } from 'node:crypto';
import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { ids, setUpAccessWorld, tokens, version1 } from './access.fixture';

/**
 * The cross-party proof: every route that takes an id, called by someone who must not reach
 * the record. A customer (linked to PT. KITA only) learns nothing about other records: their
 * answer is the same as for an id that does not exist. Partners and investors are refused,
 * anonymous callers must sign in, and nothing changes behind a refused write.
 */

beforeAll(setUpAccessWorld, SETUP_TIMEOUT_MS);

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
