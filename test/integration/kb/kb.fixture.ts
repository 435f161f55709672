// The knowledge base world the kb-*.test.ts files share: the demo with its articles, and the calls the tests make.
import { seedKbArticles } from '../../../infra/local/seed/kb-demo';
import { call, demoWorld, everyPage, type DemoLogin } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';

/** The demo logins' tokens, filled in by setUpKb. */
export const tokens = {} as Record<DemoLogin, string>;

/** The file's beforeAll: a fresh demo table, its articles seeded twice. */
export async function setUpKb(): Promise<void> {
  Object.assign(tokens, await demoWorld());
  // Twice: a second run must add nothing.
  await seedKbArticles();
  await seedKbArticles();
}

export type Article = { id: string; slug: string; title: string; body: string; category: string; tags: string[]; language: 'en' | 'id'; visibility: string; status: string; version: number; helpfulYes: number; helpfulNo: number; publishedAt?: string };

/** An article written by `who` (service by default) in a category of its own, so the demo's counts stay put. */
export async function write(body: Record<string, unknown>, who: DemoLogin = 'service'): Promise<Article> {
  const answer = await call('POST', '/kb/articles', {
    token: tokens[who],
    body: { title: `Artikel uji ${tag()}`, body: '<p>Isi artikel uji.</p>', category: `Uji ${tag()}`, language: 'id', status: 'published', ...body },
  });
  if (answer.status !== 201) throw new Error(`article ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The token of a demo login; none for an anonymous visitor. */
export const token = (who: DemoLogin | 'anonymous') => (who === 'anonymous' ? undefined : tokens[who]);

/** One page of search hits as `who` sees them. */
export async function search(q: string, lang: 'en' | 'id', who: DemoLogin | 'anonymous' = 'anonymous', limit = 10): Promise<{ slug: string; title: string; snippet: string; id: string }[]> {
  const answer = await call('GET', `/kb/search?q=${encodeURIComponent(q)}&lang=${lang}&limit=${limit}`, { token: token(who) });
  expect(answer.status).toBe(200);
  expect(answer.body.nextCursor).toBeNull();
  return answer.body.items;
}

export const slugs = (items: { slug: string }[]) => items.map((i) => i.slug);

/** Every page of a list, following nextCursor. */
export const allPages = (query: string, who: DemoLogin | 'anonymous' = 'anonymous') => everyPage<Article>(`/kb/articles?limit=3${query}`, token(who));
