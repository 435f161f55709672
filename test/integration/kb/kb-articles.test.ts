import { randomUUID } from 'node:crypto';
import { KB_LIMITS } from '../../../shared/modules/kb/domain/kb';
import { call, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';
import { allPages, search, setUpKb, slugs, token, tokens, write, type Article } from './kb.fixture';

beforeAll(setUpKb, SETUP_TIMEOUT_MS);

describe('the contract', () => {
  it('is published in the OpenAPI document, readable routes open to visitors', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/kb/articles', '/kb/articles/{id}', '/kb/articles/by-slug/{slug}', '/kb/articles/{id}/feedback', '/kb/search', '/kb/categories']));
    expect(Object.keys(paths['/kb/articles'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(paths['/kb/articles/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(paths['/kb/search'].get.security).toContainEqual({});
    expect(paths['/kb/articles'].post.security).toBeUndefined();
    expect(doc.body.components.schemas.KbArticle.properties.status.enum).toEqual(['draft', 'published', 'archived']);
    expect(doc.body.components.schemas.KbArticle.properties.language.enum).toEqual(['en', 'id']);
  });
});

describe('writing articles', () => {
  it('creates an article with a slug from its title (diacritics folded) and reads it back anonymously', async () => {
    const article = await write({ title: 'Pengiriman ke Bogor — jadwal café & kantin', tags: ['Bogor', 'bogor', 'jadwal'], visibility: 'public' });
    expect(article).toMatchObject({ slug: 'pengiriman-ke-bogor-jadwal-cafe-kantin', language: 'id', status: 'published', visibility: 'public', tags: ['Bogor', 'jadwal'], helpfulYes: 0, helpfulNo: 0, version: 1 });
    expect(article.publishedAt).toEqual(expect.any(String));
    const read = await call('GET', `/kb/articles/${article.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(article);
    const bySlug = await call('GET', `/kb/articles/by-slug/${article.slug}?lang=id`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toEqual(article);
    expect((await call('GET', `/kb/articles/by-slug/${article.slug}?lang=en`)).status).toBe(404);
  });

  it('writes one article for a create retried with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { title: `Sekali saja ${tag()}`, body: '<p>Satu.</p>', category: 'Uji ulang', language: 'id' };
    const first = await call('POST', '/kb/articles', { token: tokens.service, headers: { 'idempotency-key': key }, body });
    const retry = await call('POST', '/kb/articles', { token: tokens.service, headers: { 'idempotency-key': key }, body });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const drafts = await allPages('&lang=id&category=uji-ulang&status=draft', 'service');
    expect(drafts.map((a) => a.id)).toEqual([first.body.id]);
  });

  it('keeps a draft unpublished until it is published', async () => {
    const draft = await write({ status: 'draft' });
    expect(draft.publishedAt).toBeUndefined();
    const published = await call('PATCH', `/kb/articles/${draft.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { status: 'published' } });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2, publishedAt: expect.any(String) });
  });

  it('changes an article with If-Match: 428 without, 409 when stale, 404 when missing', async () => {
    const article = await write({});
    const without = await call('PATCH', `/kb/articles/${article.id}`, { token: tokens.service, body: { title: 'Tanpa versi' } });
    expect(without.status).toBe(428);
    expect(without.body.error.code).toBe('precondition_required');
    const changed = await call('PATCH', `/kb/articles/${article.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { title: 'Judul baru', tags: ['baru'] } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Judul baru', tags: ['baru'], slug: article.slug, version: 2 });
    const stale = await call('PATCH', `/kb/articles/${article.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { title: 'Terlambat' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const byBody = await call('PATCH', `/kb/articles/${article.id}`, { token: tokens.admin, body: { category: 'Lain-lain', version: 2 } });
    expect(byBody.status).toBe(200);
    expect(byBody.body).toMatchObject({ category: 'Lain-lain', version: 3 });
    const missing = await call('PATCH', `/kb/articles/${randomUUID()}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { title: 'x' } });
    expect(missing.status).toBe(404);
    expect((await call('GET', `/kb/articles/${article.id}`)).body.title).toBe('Judul baru');
  });

  it('keeps slugs unique per language (409 slug_taken), on create and on change', async () => {
    const slug = `jadwal-${tag()}`;
    const first = await write({ slug });
    const again = await call('POST', '/kb/articles', { token: tokens.service, body: { title: 'Lain', body: '<p>x</p>', category: 'Uji', language: 'id', slug } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('slug_taken');
    const english = await write({ slug, language: 'en' });
    expect(english.slug).toBe(slug);

    const other = await write({});
    const taken = await call('PATCH', `/kb/articles/${other.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { slug, title: 'Tidak jadi' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slug_taken');
    expect((await call('GET', `/kb/articles/${other.id}`)).body).toEqual(other);

    // Moving a slug frees the old one.
    const moved = await call('PATCH', `/kb/articles/${first.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { slug: `${slug}-baru` } });
    expect(moved.status).toBe(200);
    expect((await call('GET', `/kb/articles/by-slug/${slug}-baru?lang=id`)).body.id).toBe(first.id);
    expect((await call('GET', `/kb/articles/by-slug/${slug}?lang=id`)).status).toBe(404);
    const reuse = await call('PATCH', `/kb/articles/${other.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { slug } });
    expect(reuse.status).toBe(200);
    expect((await call('GET', `/kb/articles/by-slug/${slug}?lang=id`)).body.id).toBe(other.id);
  });

  it('stores and returns a body with scripts, handlers and unsafe links removed', async () => {
    const article = await write({
      body: '<p onclick="steal()">Halo <script>alert(1)</script><a href="javascript:alert(1)">klik</a> <a href="https://kaktus.example/menu" target="_blank">menu</a></p><img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe><style>p{}</style>',
    });
    const expected = '<p>Halo klik <a href="https://kaktus.example/menu" rel="noopener noreferrer">menu</a></p>';
    expect(article.body).toBe(expected);
    expect((await call('GET', `/kb/articles/${article.id}`)).body.body).toBe(expected);
    const patched = await call('PATCH', `/kb/articles/${article.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { body: '<h2>Baru</h2><svg onload="alert(1)"></svg><a href="/relatif">relatif</a>' } });
    expect(patched.body.body).toBe('<h2>Baru</h2>relatif');
  });

  it('re-indexes an article whose every term changes in one transaction', async () => {
    const words = (prefix: string) => Array.from({ length: KB_LIMITS.indexedTerms }, (_, i) => `${prefix}${i}`).join(' ');
    const before = tag();
    const after = tag();
    const article = await write({ title: `Kata ${before}`, body: `<p>${words(`lama${before}`)}</p>` });
    expect(slugs(await search(`lama${before}7`, 'id'))).toEqual([article.slug]);
    const changed = await call('PATCH', `/kb/articles/${article.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { title: `Kata ${after}`, body: `<p>${words(`baru${after}`)}</p>`, slug: `kata-${after}`, category: `Uji ${after}` } });
    expect(changed.status).toBe(200);
    expect(await search(`lama${before}7`, 'id')).toEqual([]);
    expect(await search(before, 'id')).toEqual([]);
    expect(slugs(await search(`baru${after}7`, 'id'))).toEqual([`kata-${after}`]);
  });
});

describe('bad input', () => {
  let article: Article;

  beforeAll(async () => {
    article = await write({});
  });

  const valid = { title: 'Judul', body: '<p>Isi</p>', category: 'Uji', language: 'id' };
  const badBodies: [string, Record<string, unknown>, string][] = [
    ['no title', { ...valid, title: undefined }, 'validation_failed'],
    ['an empty title', { ...valid, title: '   ' }, 'validation_failed'],
    ['a title too long', { ...valid, title: 'x'.repeat(KB_LIMITS.titleChars + 1) }, 'validation_failed'],
    ['an unknown language', { ...valid, language: 'fr' }, 'validation_failed'],
    ['an unknown status', { ...valid, status: 'live' }, 'validation_failed'],
    ['an unknown visibility', { ...valid, visibility: 'secret' }, 'validation_failed'],
    ['a slug with spaces', { ...valid, slug: 'Has Space' }, 'validation_failed'],
    ['a slug with a double hyphen', { ...valid, slug: 'a--b' }, 'validation_failed'],
    ['too many tags', { ...valid, tags: Array.from({ length: KB_LIMITS.tags + 1 }, (_, i) => `t${i}`) }, 'validation_failed'],
    ['a tag that is not text', { ...valid, tags: [42] }, 'validation_failed'],
    ['a category without Latin letters or digits', { ...valid, category: '日本' }, 'validation_failed'],
    ['a body too long', { ...valid, body: `<p>${'x'.repeat(KB_LIMITS.bodyChars)}</p>` }, 'validation_failed'],
    ['a body of nothing but a script', { ...valid, body: '<script>alert(1)</script>' }, 'body_empty'],
    ['an unknown field', { ...valid, helpfulYes: 1000 }, 'validation_failed'],
  ];

  it.each(badBodies)('POST with %s: 400 %s, nothing stored', async (_name, body, code) => {
    const answer = await call('POST', '/kb/articles', { token: tokens.service, body });
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 400, code });
  });

  const badRequests: [string, () => { method: string; path: string; body?: unknown; headers?: Record<string, string>; rawBody?: string }, number, string][] = [
    ['PATCH with nothing to change', () => ({ method: 'PATCH', path: `/kb/articles/${article.id}`, headers: { 'if-match': '1' }, body: {} }), 400, 'validation_failed'],
    ['PATCH of the language', () => ({ method: 'PATCH', path: `/kb/articles/${article.id}`, headers: { 'if-match': '1' }, body: { language: 'en' } }), 400, 'validation_failed'],
    ['PATCH with a bad If-Match', () => ({ method: 'PATCH', path: `/kb/articles/${article.id}`, headers: { 'if-match': 'abc' }, body: { title: 'x' } }), 400, 'invalid_if_match'],
    ['PATCH with a body emptied by sanitising', () => ({ method: 'PATCH', path: `/kb/articles/${article.id}`, headers: { 'if-match': '1' }, body: { body: '<iframe></iframe>' } }), 400, 'body_empty'],
    ['POST that is not JSON', () => ({ method: 'POST', path: '/kb/articles', headers: { 'content-type': 'text/plain' }, rawBody: 'hello' }), 415, 'unsupported_media_type'],
    ['POST of broken JSON', () => ({ method: 'POST', path: '/kb/articles', headers: { 'content-type': 'application/json' }, rawBody: '{"title":' }), 400, 'malformed_request'],
    ['search without a language', () => ({ method: 'GET', path: '/kb/search?q=halal' }), 400, 'validation_failed'],
    ['search without words', () => ({ method: 'GET', path: '/kb/search?q=&lang=id' }), 400, 'validation_failed'],
    ['search in an unknown language', () => ({ method: 'GET', path: '/kb/search?q=halal&lang=fr' }), 400, 'validation_failed'],
    ['search with a query too long', () => ({ method: 'GET', path: `/kb/search?lang=id&q=${'a'.repeat(KB_LIMITS.queryChars + 1)}` }), 400, 'validation_failed'],
    ['search with a limit of 0', () => ({ method: 'GET', path: '/kb/search?q=halal&lang=id&limit=0' }), 400, 'validation_failed'],
    ['a list with an unknown status', () => ({ method: 'GET', path: '/kb/articles?status=live' }), 400, 'validation_failed'],
    ['a list with a forged cursor', () => ({ method: 'GET', path: '/kb/articles?cursor=abc.def' }), 400, 'invalid_cursor'],
    ['categories without a language', () => ({ method: 'GET', path: '/kb/categories' }), 400, 'validation_failed'],
    ['by-slug with a bad slug', () => ({ method: 'GET', path: '/kb/articles/by-slug/Not%20A%20Slug?lang=id' }), 400, 'validation_failed'],
    ['by-slug without a language', () => ({ method: 'GET', path: `/kb/articles/by-slug/${article.slug}` }), 400, 'validation_failed'],
    ['feedback that is not a boolean', () => ({ method: 'POST', path: `/kb/articles/${article.id}/feedback`, body: { helpful: 'yes' } }), 400, 'validation_failed'],
    ['feedback with an extra field', () => ({ method: 'POST', path: `/kb/articles/${article.id}/feedback`, body: { helpful: true, weight: 100 } }), 400, 'validation_failed'],
  ];

  it.each(badRequests)('%s: %i %s', async (_name, request, status, code) => {
    const { method, path, body, headers, rawBody } = request();
    const answer = await call(method, path, { token: tokens.service, body, headers, rawBody });
    expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
    expect(JSON.stringify(answer.body)).not.toMatch(/stack|\.ts:\d+|node_modules|ZodError|ElectroError/);
  });

  it('left the article and the counters as they were', async () => {
    const read = await call('GET', `/kb/articles/${article.id}`);
    expect(read.body).toEqual(article);
    expect(await allPages('&category=uji', 'service')).toEqual([]);
  });
});

describe('access on every route, for every demo login and anonymous callers', () => {
  let published: Article;
  let draft: Article;
  let internal: Article;

  beforeAll(async () => {
    published = await write({ title: `Publik ${tag()}` });
    draft = await write({ status: 'draft', title: `Draf ${tag()}` });
    internal = await write({ visibility: 'internal', title: `Internal ${tag()}` });
  });

  type Who = DemoLogin | 'anonymous';
  type Route = { name: string; request: () => { method: string; path: string; body?: unknown; headers?: Record<string, string> }; expect: Record<Who, number> };

  const everyone = (status: number): Record<Who, number> => ({ admin: status, sales: status, service: status, customer: status, partner: status, investor: status, anonymous: status });
  const staffOnly: Record<Who, number> = { admin: 200, sales: 200, service: 200, customer: 404, partner: 404, investor: 404, anonymous: 404 };
  const ROUTES: Route[] = [
    { name: 'GET /kb/articles', request: () => ({ method: 'GET', path: '/kb/articles?lang=id' }), expect: everyone(200) },
    { name: 'GET /kb/articles/{id} (published public)', request: () => ({ method: 'GET', path: `/kb/articles/${published.id}` }), expect: everyone(200) },
    { name: 'GET /kb/articles/{id} (draft)', request: () => ({ method: 'GET', path: `/kb/articles/${draft.id}` }), expect: staffOnly },
    { name: 'GET /kb/articles/{id} (internal)', request: () => ({ method: 'GET', path: `/kb/articles/${internal.id}` }), expect: staffOnly },
    { name: 'GET /kb/articles/by-slug/{slug} (published public)', request: () => ({ method: 'GET', path: `/kb/articles/by-slug/${published.slug}?lang=id` }), expect: everyone(200) },
    { name: 'GET /kb/articles/by-slug/{slug} (internal)', request: () => ({ method: 'GET', path: `/kb/articles/by-slug/${internal.slug}?lang=id` }), expect: staffOnly },
    { name: 'GET /kb/search', request: () => ({ method: 'GET', path: '/kb/search?q=halal&lang=id' }), expect: everyone(200) },
    { name: 'GET /kb/categories', request: () => ({ method: 'GET', path: '/kb/categories?lang=id' }), expect: everyone(200) },
    {
      name: 'POST /kb/articles',
      request: () => ({ method: 'POST', path: '/kb/articles', body: { title: `Coba ${tag()}`, body: '<p>x</p>', category: 'Akses', language: 'id' } }),
      expect: { admin: 201, service: 201, sales: 403, customer: 403, partner: 403, investor: 403, anonymous: 401 },
    },
    {
      name: 'PATCH /kb/articles/{id} (published public)',
      request: () => ({ method: 'PATCH', path: `/kb/articles/${published.id}`, headers: { 'if-match': '999' }, body: { title: 'Dibajak' } }),
      // Editors get past the policy to the version check.
      expect: { admin: 409, service: 409, sales: 403, customer: 403, partner: 403, investor: 403, anonymous: 401 },
    },
    {
      name: 'PATCH /kb/articles/{id} (draft)',
      request: () => ({ method: 'PATCH', path: `/kb/articles/${draft.id}`, headers: { 'if-match': '999' }, body: { title: 'Dibajak' } }),
      expect: { admin: 409, service: 409, sales: 403, customer: 404, partner: 404, investor: 404, anonymous: 401 },
    },
    { name: 'POST /kb/articles/{id}/feedback (published public)', request: () => ({ method: 'POST', path: `/kb/articles/${published.id}/feedback`, body: { helpful: true } }), expect: everyone(200) },
    { name: 'POST /kb/articles/{id}/feedback (internal)', request: () => ({ method: 'POST', path: `/kb/articles/${internal.id}/feedback`, body: { helpful: true } }), expect: staffOnly },
  ];

  const WHO: Who[] = ['admin', 'sales', 'service', 'customer', 'partner', 'investor', 'anonymous'];

  describe.each(ROUTES)('$name', (route) => {
    it.each(WHO)('%s', async (who) => {
      const { method, path, body, headers } = route.request();
      const answer = await call(method, path, { token: token(who), body, headers });
      expect(answer.status).toBe(route.expect[who]);
      if (answer.status === 404) {
        const missing = await call(method, path.replace(/[0-9a-f-]{36}|by-slug\/[a-z0-9-]+/, (found) => (found.startsWith('by-slug') ? `by-slug/missing-${tag()}` : randomUUID())), { token: token(who), body, headers });
        expect(missing.status).toBe(404);
        expect(answer.body).toEqual(missing.body);
      }
    });
  });

  it('changed nothing behind the refused writes', async () => {
    for (const article of [published, draft]) {
      const read = await call('GET', `/kb/articles/${article.id}`, { token: tokens.admin });
      expect(read.body).toMatchObject({ title: article.title, version: 1 });
    }
  });

  it('an unknown bearer token reads like a visitor and may not write', async () => {
    const bogus = 'not-a-real-session-token';
    const list = await call('GET', '/kb/articles?lang=id&limit=100', { token: bogus });
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: Article) => a.id)).not.toContain(internal.id);
    const create = await call('POST', '/kb/articles', { token: bogus, body: { title: 'x', body: '<p>x</p>', category: 'Akses', language: 'id' } });
    expect(create.status).toBe(401);
    expect(create.body.error.code).toBe('unauthenticated');
  });
});
