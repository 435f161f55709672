import { randomUUID } from 'node:crypto';
import { app } from '../../../functions/api/app';
import { LIMITS } from '../../../shared/modules/identity/services/throttle';
import { seedKbArticles } from '../../../infra/local/seed/kb-demo';
import { KB_LIMITS } from '../../../shared/modules/kb/domain/kb';
import { call, demoWorld, SETUP_TIMEOUT_MS, type Answer, type DemoLogin } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';

let tokens: Record<DemoLogin, string>;

beforeAll(async () => {
  tokens = await demoWorld();
  // Twice: a second run must add nothing.
  await seedKbArticles();
  await seedKbArticles();
}, SETUP_TIMEOUT_MS);

type Article = { id: string; slug: string; title: string; body: string; category: string; tags: string[]; language: 'en' | 'id'; visibility: string; status: string; version: number; helpfulYes: number; helpfulNo: number; publishedAt?: string };

/** An article written by `who` (service by default) in a category of its own, so the demo's counts stay put. */
async function write(body: Record<string, unknown>, who: DemoLogin = 'service'): Promise<Article> {
  const answer = await call('POST', '/kb/articles', {
    token: tokens[who],
    body: { title: `Artikel uji ${tag()}`, body: '<p>Isi artikel uji.</p>', category: `Uji ${tag()}`, language: 'id', status: 'published', ...body },
  });
  if (answer.status !== 201) throw new Error(`article ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const token = (who: DemoLogin | 'anonymous') => (who === 'anonymous' ? undefined : tokens[who]);

async function search(q: string, lang: 'en' | 'id', who: DemoLogin | 'anonymous' = 'anonymous', limit = 10): Promise<{ slug: string; title: string; snippet: string; id: string }[]> {
  const answer = await call('GET', `/kb/search?q=${encodeURIComponent(q)}&lang=${lang}&limit=${limit}`, { token: token(who) });
  expect(answer.status).toBe(200);
  expect(answer.body.nextCursor).toBeNull();
  return answer.body.items;
}

const slugs = (items: { slug: string }[]) => items.map((i) => i.slug);

/** Every page of a list, following nextCursor. */
async function allPages(query: string, who: DemoLogin | 'anonymous' = 'anonymous'): Promise<Article[]> {
  const items: Article[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const answer: Answer = await call('GET', `/kb/articles?limit=3${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: token(who) });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

/** The `name=value` of the visitor cookie an answer sets. */
function visitorCookie(answer: Answer): string {
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  if (!cookie?.startsWith('relasi_kb_visitor=')) throw new Error(`no visitor cookie: ${answer.headers.get('set-cookie')}`);
  return cookie;
}

/** A signed-out vote from `address`, as the local server reports the caller (the socket's peer). */
function voteFrom(address: string, articleId: string, helpful: boolean, cookie?: string): Promise<Response> {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
  return Promise.resolve(app.request(`/api/v1/kb/articles/${articleId}/feedback`, { method: 'POST', headers, body: JSON.stringify({ helpful }) }, { incoming: { socket: { remoteAddress: address } } }));
}

const EXTERNAL = ['anonymous', 'customer', 'partner', 'investor'] as const;
const STAFF = ['admin', 'sales', 'service'] as const;

describe('the demo knowledge base of PT. Kaktus Berduri', () => {
  it('has seven public topics in three categories in each language, seeded once', async () => {
    for (const lang of ['en', 'id'] as const) {
      const articles = await allPages(`&lang=${lang}`);
      expect(articles).toHaveLength(7);
      expect(articles.every((a) => a.language === lang && a.status === 'published' && a.visibility === 'public')).toBe(true);
      const categories = await call('GET', `/kb/categories?lang=${lang}`);
      expect(categories.status).toBe(200);
      expect(categories.body.items).toHaveLength(3);
      expect(categories.body.items.reduce((sum: number, c: any) => sum + c.articleCount, 0)).toBe(7);
    }
    const id = await call('GET', '/kb/categories?lang=id');
    expect(id.body.items).toEqual([
      { key: 'menu-dan-keamanan-pangan', name: 'Menu dan keamanan pangan', articleCount: 2 },
      { key: 'pengiriman', name: 'Pengiriman', articleCount: 2 },
      { key: 'pesanan-dan-tagihan', name: 'Pesanan dan tagihan', articleCount: 3 },
    ]);
  });

  it('counts the internal procedure and the draft for staff only', async () => {
    const staffId = await call('GET', '/kb/categories?lang=id', { token: tokens.service });
    expect(staffId.body.items.find((c: any) => c.key === 'pengiriman').articleCount).toBe(3);
    const staffEn = await call('GET', '/kb/categories?lang=en', { token: tokens.sales });
    expect(staffEn.body.items.find((c: any) => c.key === 'menu-and-food-safety').articleCount).toBe(3);
    const customer = await call('GET', '/kb/categories?lang=en', { token: tokens.customer });
    expect(customer.body.items.find((c: any) => c.key === 'menu-and-food-safety').articleCount).toBe(2);
  });
});

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

describe('search', () => {
  test.each([
    ['a title word', 'late', 'en', 'late-deliveries'],
    ['a title word', 'terlambat', 'id', 'pengiriman-terlambat'],
    ['a tag', 'compensation', 'en', 'late-deliveries'],
    ['a tag', 'kompensasi', 'id', 'pengiriman-terlambat'],
    ['a body word', 'shellfish', 'en', 'weekly-menu-and-allergies'],
    ['a body word', 'kerang', 'id', 'menu-mingguan-dan-alergi'],
    ['a prefix while typing', 'hal', 'en', 'halal-certification'],
    ['a prefix while typing', 'sertif', 'id', 'sertifikasi-halal'],
    ['a question with stop words', 'How do I change my order?', 'en', 'changing-an-order'],
    ['a question with stop words', 'bagaimana cara membatalkan pesanan?', 'id', 'mengubah-pesanan'],
    ['words with accents and capitals', 'PÉMBAYARAN', 'id', 'metode-pembayaran'],
  ] as const)('finds by %s: "%s" (%s)', async (_kind, q, lang, expected) => {
    expect(slugs(await search(q, lang))[0]).toBe(expected);
  });

  it('searches one language at a time', async () => {
    expect(await search('compensation', 'id')).toEqual([]);
    expect(await search('kompensasi', 'en')).toEqual([]);
  });

  it('ranks a title hit over a tag hit over a body hit', async () => {
    const found = slugs(await search('invoice ', 'en'));
    expect(found.slice(0, 2)).toEqual(['understanding-your-invoice', 'payment-methods']);
    expect(found).toContain('late-deliveries');
    expect(found.indexOf('late-deliveries')).toBeGreaterThan(1);
  });

  it('puts articles with every word first', async () => {
    // "late" is in one title; "invoice" in another title and in the body of the late-delivery article.
    expect(slugs(await search('late invoice ', 'en'))[0]).toBe('late-deliveries');
  });

  it('shows a short plain-text snippet and respects the limit', async () => {
    const [hit] = await search('halal', 'id', 'customer', 1);
    expect(hit).toMatchObject({ slug: 'sertifikasi-halal', title: 'Sertifikasi halal' });
    expect(hit!.snippet).toMatch(/^Semua dapur kami telah bersertifikat halal/);
    expect(hit!.snippet).not.toMatch(/[<>]/);
    expect(hit!.snippet.length).toBeLessThanOrEqual(KB_LIMITS.snippetChars);
    expect(await search('pengiriman', 'id', 'anonymous', 1)).toHaveLength(1);
  });

  it.each(EXTERNAL)('never shows %s internal articles or drafts', async (who) => {
    expect(await search('eskalasi', 'id', who)).toEqual([]);
    expect(slugs(await search('terlambat', 'id', who))).not.toContain('prosedur-keterlambatan-pengiriman');
    expect(await search('ramadan', 'en', who)).toEqual([]);
  });

  it('shows staff the published internal articles, and drafts to no one', async () => {
    for (const who of STAFF) {
      expect(slugs(await search('eskalasi', 'id', who))).toEqual(['prosedur-keterlambatan-pengiriman']);
      expect(await search('ramadan', 'en', who)).toEqual([]);
    }
  });

  it('follows publishing, archiving and edits', async () => {
    const word = `sambalmatah${tag()}`;
    const draft = await write({ status: 'draft', title: `Resep ${word}` });
    expect(await search(word, 'id', 'service')).toEqual([]);
    await call('PATCH', `/kb/articles/${draft.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { status: 'published' } });
    expect(slugs(await search(word, 'id'))).toEqual([draft.slug]);
    await call('PATCH', `/kb/articles/${draft.id}`, { token: tokens.service, headers: { 'if-match': '2' }, body: { visibility: 'internal' } });
    expect(await search(word, 'id')).toEqual([]);
    expect(slugs(await search(word, 'id', 'sales'))).toEqual([draft.slug]);
    await call('PATCH', `/kb/articles/${draft.id}`, { token: tokens.service, headers: { 'if-match': '3' }, body: { status: 'archived' } });
    expect(await search(word, 'id', 'sales')).toEqual([]);
  });
});

describe('reading without signing in', () => {
  let draft: Article;
  let internal: Article;

  beforeAll(async () => {
    draft = await write({ status: 'draft', title: `Draf ${tag()}` });
    internal = await write({ visibility: 'internal', title: `Internal ${tag()}` });
  });

  it('lists published public articles by category and title, across pages', async () => {
    const articles = await allPages('&lang=en');
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    expect(articles.every((a) => a.language === 'en' && a.status === 'published' && a.visibility === 'public')).toBe(true);
    const demo = ['delivery-times', 'late-deliveries', 'halal-certification', 'weekly-menu-and-allergies', 'changing-an-order', 'payment-methods', 'understanding-your-invoice'];
    expect(articles.map((a) => a.slug).filter((slug) => demo.includes(slug))).toEqual(demo);
  });

  it('filters by category name or key; a status other than published finds nothing outside staff', async () => {
    const byName = await allPages(`&lang=id&category=${encodeURIComponent('Pesanan dan tagihan')}`);
    const byKey = await allPages('&lang=id&category=pesanan-dan-tagihan');
    expect(byName.map((a) => a.slug).sort()).toEqual(['memahami-tagihan', 'mengubah-pesanan', 'metode-pembayaran']);
    expect(byKey).toEqual(byName);
    const withoutLanguage = await allPages('&category=pengiriman');
    expect(withoutLanguage.map((a) => a.slug).sort()).toEqual(['jam-pengiriman', 'pengiriman-terlambat']);
    expect(await allPages('&status=draft')).toEqual([]);
    expect(await allPages(`&lang=id&category=${encodeURIComponent('日本')}`, 'service')).toEqual([]);
    expect(await allPages('&status=draft', 'customer')).toEqual([]);
    const staffDrafts = await allPages('&status=draft', 'sales');
    expect(staffDrafts.map((a) => a.id)).toEqual(expect.arrayContaining([draft.id]));
    expect(staffDrafts.every((a) => a.status === 'draft')).toBe(true);
    const staffAll = await allPages('&lang=id', 'service');
    expect(staffAll.map((a) => a.id)).toEqual(expect.arrayContaining([draft.id, internal.id]));
  });

  it.each(EXTERNAL)('%s: a draft or internal article answers exactly like a missing one', async (who) => {
    const missing = await call('GET', `/kb/articles/${randomUUID()}`, { token: token(who) });
    expect(missing.status).toBe(404);
    for (const hidden of [draft, internal]) {
      const answer = await call('GET', `/kb/articles/${hidden.id}`, { token: token(who) });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(missing.body);
      const bySlug = await call('GET', `/kb/articles/by-slug/${hidden.slug}?lang=id`, { token: token(who) });
      const missingSlug = await call('GET', `/kb/articles/by-slug/nothing-${tag()}?lang=id`, { token: token(who) });
      expect(bySlug.status).toBe(404);
      expect(bySlug.body).toEqual(missingSlug.body);
    }
    const list = await allPages('&lang=id', who);
    expect(list.map((a) => a.id)).not.toEqual(expect.arrayContaining([draft.id]));
    expect(list.map((a) => a.id)).not.toEqual(expect.arrayContaining([internal.id]));
  });

  it('refuses a cursor made for another list', async () => {
    const first = await call('GET', '/kb/articles?limit=1&lang=en');
    const other = await call('GET', `/kb/articles?limit=1&lang=id&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('invalid_cursor');
  });
});

describe('"was this helpful?"', () => {
  it('counts votes from anyone who may read the article, without changing its version', async () => {
    const article = await write({});
    const yes = await call('POST', `/kb/articles/${article.id}/feedback`, { body: { helpful: true } });
    expect(yes.status).toBe(200);
    expect(yes.body).toEqual({ id: article.id, helpfulYes: 1, helpfulNo: 0 });
    await call('POST', `/kb/articles/${article.id}/feedback`, { token: tokens.customer, body: { helpful: true } });
    const no = await call('POST', `/kb/articles/${article.id}/feedback`, { token: tokens.partner, body: { helpful: false } });
    expect(no.body).toEqual({ id: article.id, helpfulYes: 2, helpfulNo: 1 });
    const read = await call('GET', `/kb/articles/${article.id}`);
    expect(read.body).toMatchObject({ helpfulYes: 2, helpfulNo: 1, version: 1 });
    // An edit after votes keeps them.
    const edited = await call('PATCH', `/kb/articles/${article.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { title: 'Masih membantu' } });
    expect(edited.body).toMatchObject({ helpfulYes: 2, helpfulNo: 1, version: 2 });
  });

  it('counts one vote per visitor: the same visitor cookie again counts once, a changed answer moves the vote, a forged cookie is a new visitor', async () => {
    const article = await write({});
    const path = `/kb/articles/${article.id}/feedback`;
    const first = await call('POST', path, { body: { helpful: true } });
    expect(first.body).toEqual({ id: article.id, helpfulYes: 1, helpfulNo: 0 });
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^relasi_kb_visitor=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/api\/v1\/kb/);
    const cookie = visitorCookie(first);

    const again = await call('POST', path, { headers: { cookie }, body: { helpful: true } });
    expect(again.body).toEqual({ id: article.id, helpfulYes: 1, helpfulNo: 0 });
    const changed = await call('POST', path, { headers: { cookie }, body: { helpful: false } });
    expect(changed.body).toEqual({ id: article.id, helpfulYes: 0, helpfulNo: 1 });
    expect(visitorCookie(changed)).toBe(cookie);
    expect((await call('POST', path, { headers: { cookie }, body: { helpful: false } })).body).toEqual({ id: article.id, helpfulYes: 0, helpfulNo: 1 });

    const [visitorId] = cookie.slice('relasi_kb_visitor='.length).split('.');
    const forged = `relasi_kb_visitor=${visitorId}.${'A'.repeat(43)}`;
    const stranger = await call('POST', path, { headers: { cookie: forged }, body: { helpful: true } });
    expect(stranger.body).toEqual({ id: article.id, helpfulYes: 1, helpfulNo: 1 });
    expect(visitorCookie(stranger)).not.toBe(cookie);
    expect((await call('GET', `/kb/articles/${article.id}`)).body).toMatchObject({ helpfulYes: 1, helpfulNo: 1, version: 1 });
  });

  it('counts one vote per signed-in user: voting again counts once, a changed answer moves the vote', async () => {
    const article = await write({});
    const path = `/kb/articles/${article.id}/feedback`;
    expect((await call('POST', path, { token: tokens.customer, body: { helpful: true } })).body).toEqual({ id: article.id, helpfulYes: 1, helpfulNo: 0 });
    expect((await call('POST', path, { token: tokens.customer, body: { helpful: true } })).body).toEqual({ id: article.id, helpfulYes: 1, helpfulNo: 0 });
    const changed = await call('POST', path, { token: tokens.customer, body: { helpful: false } });
    expect(changed.body).toEqual({ id: article.id, helpfulYes: 0, helpfulNo: 1 });
    expect(changed.headers.get('set-cookie')).toBeNull();
    const concurrent = await Promise.all([1, 2, 3].map(() => call('POST', path, { token: tokens.partner, body: { helpful: true } })));
    expect(concurrent.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await call('GET', `/kb/articles/${article.id}`)).body).toMatchObject({ helpfulYes: 1, helpfulNo: 1 });
  });

  it('lets one address bring a limited number of new visitors an hour (429); visitors with their cookie still vote', async () => {
    const article = await write({});
    const { max } = LIMITS.kbVisitorsPerIp;
    const answers = [];
    for (let i = 0; i < max; i++) answers.push(await voteFrom('198.51.100.7', article.id, i % 2 === 0));
    expect(answers.map((answer) => answer.status)).toEqual(Array(max).fill(200));
    const tooMany = await voteFrom('198.51.100.7', article.id, true);
    expect(tooMany.status).toBe(429);
    expect(((await tooMany.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    expect(tooMany.headers.get('retry-after')).toBe(String(LIMITS.kbVisitorsPerIp.windowSeconds));
    const cookie = answers[0]!.headers.get('set-cookie')!.split(';')[0]!;
    const known = await voteFrom('198.51.100.7', article.id, false, cookie);
    expect(known.status).toBe(200);
    expect((await voteFrom('198.51.100.8', article.id, true)).status).toBe(200);
    expect((await call('GET', `/kb/articles/${article.id}`)).body).toMatchObject({ helpfulYes: max / 2, helpfulNo: max / 2 + 1 });
  });

  it('counts a retried vote with the same Idempotency-Key once, signed in or not', async () => {
    const article = await write({});
    const key = randomUUID();
    const first = await call('POST', `/kb/articles/${article.id}/feedback`, { headers: { 'idempotency-key': key }, body: { helpful: true } });
    const retry = await call('POST', `/kb/articles/${article.id}/feedback`, { headers: { 'idempotency-key': key }, body: { helpful: true } });
    expect(first.body).toEqual({ id: article.id, helpfulYes: 1, helpfulNo: 0 });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    // The retry (its first answer lost, so without the cookie) gets the first request's visitor back.
    expect(visitorCookie(retry)).toBe(visitorCookie(first));
    const reused = await call('POST', `/kb/articles/${article.id}/feedback`, { headers: { 'idempotency-key': key }, body: { helpful: false } });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');

    const customerKey = randomUUID();
    const signedIn = await call('POST', `/kb/articles/${article.id}/feedback`, { token: tokens.customer, headers: { 'idempotency-key': customerKey }, body: { helpful: false } });
    const signedInRetry = await call('POST', `/kb/articles/${article.id}/feedback`, { token: tokens.customer, headers: { 'idempotency-key': customerKey }, body: { helpful: false } });
    expect(signedInRetry.body).toEqual(signedIn.body);
    expect(signedInRetry.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('GET', `/kb/articles/${article.id}`)).body).toMatchObject({ helpfulYes: 1, helpfulNo: 1 });
  });

  it('takes no vote on an article the caller cannot read, nor on an unpublished one', async () => {
    const draft = await write({ status: 'draft' });
    const anonymous = await call('POST', `/kb/articles/${draft.id}/feedback`, { body: { helpful: true } });
    expect(anonymous.status).toBe(404);
    const staff = await call('POST', `/kb/articles/${draft.id}/feedback`, { token: tokens.service, body: { helpful: true } });
    expect(staff.status).toBe(422);
    expect(staff.body.error.code).toBe('article_not_published');
    expect((await call('GET', `/kb/articles/${draft.id}`, { token: tokens.service })).body).toMatchObject({ helpfulYes: 0, helpfulNo: 0 });
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
