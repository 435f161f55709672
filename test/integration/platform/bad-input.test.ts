import { randomBytes } from 'node:crypto';
import { call, DEMO, DEMO_PASSWORD, demoWorld, SETUP_TIMEOUT_MS, type Answer, type DemoLogin } from '../../support/api.helper';

/**
 * Whatever a client sends, the API answers with a stable error code, never a 500 and never
 * a stack trace, and a refused request leaves no trace in the data.
 */

let tokens: Record<DemoLogin, string>;
let account: { id: string; name: string };
let contactId: string;
let salesUserId: string;
/** What the admin reads before any refused request (see `traces`). */
let before: Awaited<ReturnType<typeof traces>>;
const tag = randomBytes(4).toString('hex');
/** Every name, e-mail and last name the refused requests carry starts with this. */
const MARK = `Bad${tag}`;
const markEmail = (label: string) => `${MARK.toLowerCase()}-${label}@bad-input.test`;

beforeAll(async () => {
  tokens = await demoWorld();
  const created = await call('POST', '/accounts', { token: tokens.sales, body: { name: `Target ${tag}`, industry: 'Food' } });
  account = created.body;
  const contact = await call('POST', '/contacts', { token: tokens.sales, body: { lastName: `Target${tag}` } });
  contactId = contact.body.id;
  salesUserId = (await call('GET', '/auth/me', { token: tokens.sales })).body.user.id;
  before = await traces();
}, SETUP_TIMEOUT_MS);

/** Nothing of the internals: no stack frames, no file paths, no exception names. */
function expectNoInternals(answer: Answer): void {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+|node_modules|stack|SyntaxError|ZodError|ElectroError|DynamoDB/i);
  expect(answer.status).toBeLessThan(500);
}

function expectError(answer: Answer, status: number, code: string): void {
  expectNoInternals(answer);
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  expect(typeof answer.body.error.message).toBe('string');
}

type Endpoint = {
  name: string;
  method: string;
  path: () => string;
  token?: () => string;
  headers?: () => Record<string, string>;
  /** A body the endpoint accepts. */
  valid: () => Record<string, unknown>;
  wrongTypes: () => unknown;
  missingRequired: () => unknown;
  unknownField: () => unknown;
};

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /accounts',
    method: 'POST',
    path: () => '/accounts',
    token: () => tokens.sales,
    valid: () => ({ name: `${MARK} Account` }),
    wrongTypes: () => ({ name: 42, tags: 'catering', website: 'not a url' }),
    missingRequired: () => ({ industry: 'Food' }),
    unknownField: () => ({ name: `${MARK} Account`, version: 99, id: 'chosen-id' }),
  },
  {
    name: 'PATCH /accounts/{id}',
    method: 'PATCH',
    path: () => `/accounts/${account.id}`,
    token: () => tokens.sales,
    headers: () => ({ 'if-match': '1' }),
    valid: () => ({ industry: 'Textile' }),
    wrongTypes: () => ({ name: ['x'], tags: [1, 2], email: 'nope' }),
    missingRequired: () => ({ name: '' }),
    unknownField: () => ({ industry: 'Textile', createdAt: '2000-01-01T00:00:00.000Z' }),
  },
  {
    name: 'POST /contacts',
    method: 'POST',
    path: () => '/contacts',
    token: () => tokens.sales,
    valid: () => ({ lastName: `${MARK}Contact` }),
    wrongTypes: () => ({ lastName: 7, email: 'not-an-email' }),
    missingRequired: () => ({ firstName: `${MARK}Contact` }),
    unknownField: () => ({ lastName: `${MARK}Contact`, isContact: false, userId: 'x' }),
  },
  {
    name: 'PUT /accounts/{id}/contacts/{contactId}',
    method: 'PUT',
    path: () => `/accounts/${account.id}/contacts/${contactId}`,
    token: () => tokens.sales,
    valid: () => ({ role: 'billing' }),
    wrongTypes: () => ({ role: { name: 'billing' } }),
    missingRequired: () => ({}),
    unknownField: () => ({ role: 'billing', accountId: 'other' }),
  },
  {
    name: 'POST /users',
    method: 'POST',
    path: () => '/users',
    token: () => tokens.admin,
    valid: () => ({ email: markEmail('user'), name: `${MARK} User`, roles: ['sales'], password: 'long-enough-password' }),
    wrongTypes: () => ({ email: markEmail('user'), name: `${MARK} User`, roles: 'admin', password: 12345678901 }),
    missingRequired: () => ({ email: markEmail('user'), name: `${MARK} User` }),
    unknownField: () => ({ email: markEmail('user'), name: `${MARK} User`, roles: ['sales'], password: 'long-enough-password', audiences: ['staff', 'customer'] }),
  },
  {
    name: 'POST /auth/login',
    method: 'POST',
    path: () => '/auth/login',
    valid: () => ({ email: DEMO.service, password: DEMO_PASSWORD }),
    wrongTypes: () => ({ email: ['service@kaktus.example'], password: 1 }),
    missingRequired: () => ({ email: DEMO.service }),
    unknownField: () => ({ email: DEMO.service, password: DEMO_PASSWORD, rememberMe: true }),
  },
  {
    name: 'POST /auth/register',
    method: 'POST',
    path: () => '/auth/register',
    valid: () => ({ email: markEmail('register'), password: 'long-enough-password', name: `${MARK} Register`, audience: 'customer' }),
    wrongTypes: () => ({ email: markEmail('register'), password: 'long-enough-password', name: `${MARK} Register`, audience: 'staff' }),
    missingRequired: () => ({ email: markEmail('register'), password: 'long-enough-password' }),
    unknownField: () => ({ email: markEmail('register'), password: 'long-enough-password', name: `${MARK} Register`, audience: 'customer', roles: ['admin'] }),
  },
];

function send(endpoint: Endpoint, options: { body?: unknown; rawBody?: string; headers?: Record<string, string> }) {
  return call(endpoint.method, endpoint.path(), {
    token: endpoint.token?.(),
    body: options.body,
    rawBody: options.rawBody,
    headers: { ...(endpoint.headers?.() ?? {}), ...(options.headers ?? {}) },
  });
}

/** What a refused request could have left behind, read as the admin. */
async function traces() {
  const get = async (path: string) => (await call('GET', path, { token: tokens.admin })).body;
  const [accounts, contacts, users, target, links, timeline] = await Promise.all([
    get(`/accounts?q=${MARK}&limit=100`),
    get(`/contacts?q=${MARK}&limit=100`),
    get('/users?limit=100'),
    get(`/accounts/${account.id}`),
    get(`/accounts/${account.id}/contacts?limit=100`),
    get(`/accounts/${account.id}/timeline?limit=100`),
  ]);
  return {
    accounts: accounts.items,
    contacts: contacts.items,
    users: users.items.filter((u: any) => u.email.startsWith(MARK.toLowerCase())),
    target,
    links: links.items,
    timeline: timeline.items,
  };
}

describe.each(ENDPOINTS)('$name', (endpoint) => {
  // Every refused request changes nothing, so after each test the traces are still the first ones.
  afterEach(async () => {
    expect(await traces()).toEqual(before);
  });

  it('answers malformed JSON with 400 malformed_request', async () => {
    for (const rawBody of ['{"name": ', '{name: "x"}', "{'a': 1}", '{"a":1}}', 'undefined']) {
      const answer = await send(endpoint, { rawBody, headers: { 'content-type': 'application/json' } });
      expectError(answer, 400, 'malformed_request');
    }
  });

  it('answers JSON that is not an object with 400 validation_failed', async () => {
    for (const rawBody of ['null', '[]', '"text"', '42', 'true']) {
      const answer = await send(endpoint, { rawBody, headers: { 'content-type': 'application/json' } });
      expectError(answer, 400, 'validation_failed');
    }
  });

  it('answers wrong types with 400 validation_failed and the details', async () => {
    const answer = await send(endpoint, { body: endpoint.wrongTypes() });
    expectError(answer, 400, 'validation_failed');
    expect(answer.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String), message: expect.any(String) })]));
  });

  it('answers missing required fields with 400 validation_failed and the details', async () => {
    const answer = await send(endpoint, { body: endpoint.missingRequired() });
    expectError(answer, 400, 'validation_failed');
    expect(answer.body.error.details.length).toBeGreaterThan(0);
  });

  it('answers a missing body with 400 validation_failed', async () => {
    const answer = await send(endpoint, {});
    expectError(answer, 400, 'validation_failed');
  });

  it('answers unknown fields with 400 validation_failed and names them', async () => {
    const answer = await send(endpoint, { body: endpoint.unknownField() });
    expectError(answer, 400, 'validation_failed');
    expect(answer.body.error.details.length).toBeGreaterThan(0);
  });

  it('answers a body over 1 MB with 413 payload_too_large', async () => {
    const huge = JSON.stringify({ ...endpoint.valid(), padding: 'x'.repeat(1024 * 1024 + 10) });
    const answer = await send(endpoint, { rawBody: huge, headers: { 'content-type': 'application/json' } });
    expectError(answer, 413, 'payload_too_large');
  });

  it('answers a body that is not JSON with 415 unsupported_media_type', async () => {
    const rawBody = JSON.stringify(endpoint.valid());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const answer = await send(endpoint, { rawBody, headers: { 'content-type': type } });
      expectError(answer, 415, 'unsupported_media_type');
    }
    const untyped = await send(endpoint, { rawBody });
    expectError(untyped, 415, 'unsupported_media_type');
  });
});

describe('If-Match', () => {
  const writes = () => [
    { method: 'PATCH', path: `/accounts/${account.id}`, token: tokens.sales, body: { industry: 'Mining' } },
    { method: 'DELETE', path: `/accounts/${account.id}`, token: tokens.sales },
    { method: 'PATCH', path: `/contacts/${contactId}`, token: tokens.sales, body: { title: 'Boss' } },
    { method: 'DELETE', path: `/contacts/${contactId}`, token: tokens.sales },
    { method: 'PATCH', path: `/users/${salesUserId}`, token: tokens.admin, body: { name: 'Renamed' } },
  ];

  it.each(['abc', '0', '-1', '1.5', '', '"x"', 'W/"abc"', '1e400'])('refuses If-Match %p with 400 and changes nothing', async (value) => {
    const before = await traces();
    for (const write of writes()) {
      const answer = await call(write.method, write.path, { token: write.token, body: write.body, headers: { 'if-match': value } });
      expectNoInternals(answer);
      expect(answer.status).toBe(400);
      expect(['invalid_if_match', 'validation_failed']).toContain(answer.body.error.code);
    }
    expect(await traces()).toEqual(before);
    expect((await call('GET', `/contacts/${contactId}`, { token: tokens.admin })).body.version).toBe(1);
    expect((await call('GET', `/users/${salesUserId}`, { token: tokens.admin })).body.name).toBe('Budi Santoso');
  });

  it('answers a version in the body of the wrong type with 400', async () => {
    const answer = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, body: { industry: 'Mining', version: '1' } });
    expectError(answer, 400, 'validation_failed');
  });
});

describe('query strings and path ids', () => {
  it.each(['/accounts?limit=0', '/accounts?limit=101', '/accounts?limit=abc', '/accounts?limit=-5', '/contacts?limit=2.5', `/accounts?q=${'a'.repeat(161)}`, `/accounts?cursor=${'c'.repeat(2049)}`, '/users?audience=robots'])(
    'refuses %s with 400 validation_failed',
    async (path) => {
      const answer = await call('GET', path, { token: tokens.admin });
      expectError(answer, 400, 'validation_failed');
    },
  );

  it.each(['/accounts?cursor=abc', '/accounts?cursor=a.b', '/contacts?cursor=%00%01', '/users?cursor=eyJ9.x'])('refuses the cursor in %s with 400 invalid_cursor', async (path) => {
    const answer = await call('GET', path, { token: tokens.admin });
    expectError(answer, 400, 'invalid_cursor');
  });

  it('refuses an id longer than 64 characters with 400', async () => {
    const answer = await call('GET', `/accounts/${'x'.repeat(65)}`, { token: tokens.sales });
    expectError(answer, 400, 'validation_failed');
  });

  it('answers odd but valid ids with 404, not 500', async () => {
    for (const id of ['%00', '..', encodeURIComponent('a/b'), encodeURIComponent('"; DROP TABLE'), '%F0%9F%8C%B5', encodeURIComponent('#')]) {
      const answer = await call('GET', `/accounts/${id}`, { token: tokens.sales });
      expectNoInternals(answer);
      expect([400, 404]).toContain(answer.status);
    }
  });

  it('refuses an over-long Idempotency-Key with 400', async () => {
    const answer = await call('POST', '/accounts', { token: tokens.sales, headers: { 'idempotency-key': 'k'.repeat(201) }, body: { name: `${MARK} Key` } });
    expectError(answer, 400, 'validation_failed');
    expect((await call('GET', `/accounts?q=${MARK}`, { token: tokens.admin })).body.items).toEqual([]);
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/nope'],
    ['GET', '/accounts/x/y/z'],
    ['POST', '/accounts/x/unknown'],
    ['DELETE', '/contacts'],
    ['GET', '/v2/accounts'],
  ])('answers %s %s with 404 route_not_found', async (method, path) => {
    for (const token of [undefined, tokens.sales]) {
      const answer = await call(method, path, { token });
      expectError(answer, 404, 'route_not_found');
    }
  });
});

describe('values at the edge', () => {
  it('refuses over-long fields and too many tags with 400 and stores nothing', async () => {
    const bodies = [
      { name: `${MARK} ${'n'.repeat(200)}` },
      { name: `${MARK} Tags`, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { name: `${MARK} Tag`, tags: ['x'.repeat(41)] },
      { name: '   ' },
      { name: `${MARK} Url`, website: 'not a url' },
      { name: `${MARK} Mail`, email: 'nope@' },
    ];
    for (const body of bodies) {
      const answer = await call('POST', '/accounts', { token: tokens.sales, body });
      expectError(answer, 400, 'validation_failed');
    }
    expect((await call('GET', `/accounts?q=${MARK}`, { token: tokens.admin })).body.items).toEqual([]);
  });

  it('refuses a website that is not an http(s) link (it becomes a link in the portals)', async () => {
    for (const website of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      const created = await call('POST', '/accounts', { token: tokens.sales, body: { name: `${MARK} Link`, website } });
      expectError(created, 400, 'validation_failed');
      const patched = await call('PATCH', `/accounts/${account.id}`, { token: tokens.sales, headers: { 'if-match': String((await call('GET', `/accounts/${account.id}`, { token: tokens.sales })).body.version) }, body: { website } });
      expectError(patched, 400, 'validation_failed');
    }
    expect((await call('GET', `/accounts?q=${MARK}`, { token: tokens.admin })).body.items).toEqual([]);
    expect((await call('GET', `/accounts/${account.id}`, { token: tokens.admin })).body.website).toBeUndefined();
  });

  it('trims names and takes UTF-8 text as it is', async () => {
    const name = `  ${MARK} Kedai Kopi Nusantara ☕ — Jl. Merdeka  `;
    const answer = await call('POST', '/accounts', { token: tokens.sales, body: { name }, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe(name.trim());
    const read = await call('GET', `/accounts/${answer.body.id}`, { token: tokens.sales });
    expect(read.body.name).toBe(name.trim());
    expect((await call('DELETE', `/accounts/${answer.body.id}`, { token: tokens.sales, headers: { 'if-match': '1' } })).status).toBe(204);
  });
});
