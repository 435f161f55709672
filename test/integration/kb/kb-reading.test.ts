import { randomUUID } from 'node:crypto';
import { app } from '../../../functions/api/app';
import { LIMITS } from '../../../shared/modules/identity/services/throttle';
import { KB_LIMITS } from '../../../shared/modules/kb/domain/kb';
import { call, SETUP_TIMEOUT_MS, type Answer } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';
import { allPages, search, setUpKb, slugs, token, tokens, write, type Article } from './kb.fixture';

beforeAll(setUpKb, SETUP_TIMEOUT_MS);

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
