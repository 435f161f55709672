import {
  categoryCountChanges,
  distinctTags,
  indexTerms,
  KB_LIMITS,
  plainText,
  rankMatches,
  searchTerms,
  shelfOf,
  slugify,
  snippetOf,
  tokenise,
  type TermMatch,
} from '../../../shared/modules/kb/domain/kb';
import { kbPolicy, type KbReader } from '../../../shared/modules/kb/policy';
import { kbVisitor } from '../../../shared/modules/kb/services/kb-visitor';
import type { Actor, Audience, StaffRole } from '../../../shared/modules/identity/domain/identity';

// The real sanitize-html, counted each time a module registry loads it.
let mockSanitizerLoads = 0;
jest.mock('sanitize-html', () => {
  mockSanitizerLoads += 1;
  return jest.requireActual('sanitize-html');
});

// First, before anything here loads the sanitiser.
describe('cold start', () => {
  it('loads sanitize-html only when an article is written, not with the knowledge base routes', async () => {
    await import('../../../functions/api/routes/kb/kb');
    const { sanitizeArticleBody } = await import('../../../shared/modules/kb/services/kb-sanitize');
    expect(mockSanitizerLoads).toBe(0);
    await sanitizeArticleBody('<p>Halo</p>');
    expect(mockSanitizerLoads).toBe(1);
  });
});

describe('visitor cookie', () => {
  const visitorId = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';

  it('names the visitor it was made for', () => {
    expect(kbVisitor.idOf(kbVisitor.tokenFor(visitorId))).toBe(visitorId);
  });

  it('names nobody when missing, malformed, made up or signed for another visitor', () => {
    const [, signature] = kbVisitor.tokenFor(visitorId).split('.');
    const other = '0e2f5c4a-7d1b-4c3e-8a9f-112233445566';
    for (const token of [undefined, '', 'garbage', visitorId, `${visitorId}.`, `${other}.${signature}`, `${visitorId}.${'A'.repeat(signature!.length)}`, `${kbVisitor.tokenFor(visitorId)}.x`, `user:${visitorId}.${signature}`]) {
      expect([token, kbVisitor.idOf(token)]).toEqual([token, undefined]);
    }
  });
});

describe('slugify', () => {
  test.each([
    ['Jam Pengiriman: Kapan Katering Anda Tiba?', 'jam-pengiriman-kapan-katering-anda-tiba'],
    ['Crème brûlée & café — à la carte', 'creme-brulee-cafe-a-la-carte'],
    ['  --Sertifikasi__Halal (BPJPH) 2026--  ', 'sertifikasi-halal-bpjph-2026'],
    ['Pesanan Ñandú Über', 'pesanan-nandu-uber'],
    ['日本語のタイトル', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts a long title at a word boundary within the slug limit', () => {
    const slug = slugify('Bagaimana cara mengubah jumlah porsi makan siang untuk lokasi pabrik Cikarang setelah batas waktu pemesanan');
    expect(slug.length).toBeLessThanOrEqual(KB_LIMITS.slugChars);
    expect(slug).toMatch(/^bagaimana-cara-mengubah-.*[a-z]$/);
    expect('bagaimana cara mengubah jumlah porsi makan siang untuk lokasi pabrik cikarang setelah batas waktu pemesanan'.replaceAll(' ', '-').startsWith(slug)).toBe(true);
  });
});

describe('tokenise', () => {
  test.each([
    ['How do I change my order?', 'en', ['change', 'order']],
    ['Bagaimana cara mengubah pesanan saya?', 'id', ['mengubah', 'pesanan']],
    ['Crème BRÛLÉE, café-au-lait!', 'en', ['creme', 'brulee', 'cafe', 'au', 'lait']],
    ['Makan siang di PT. KITA', 'id', ['makan', 'siang', 'pt', 'kita']],
  ] as const)('%s (%s)', (text, language, terms) => {
    expect(tokenise(text, language)).toEqual(terms);
  });

  it('applies the stop words of the language only', () => {
    expect(tokenise('the dan', 'en')).toEqual(['dan']);
    expect(tokenise('the dan', 'id')).toEqual(['the']);
  });

  it('removes tags that repeat with another case or accents', () => {
    expect(distinctTags(['Halal', 'halal', 'Menu', 'MÉNU', 'diet'])).toEqual(['Halal', 'Menu', 'diet']);
  });
});

describe('search terms', () => {
  it('matches the word being typed as a prefix, and finished words exactly', () => {
    expect(searchTerms('pengiriman terlam', 'id')).toEqual([
      { term: 'pengiriman', prefix: false },
      { term: 'terlam', prefix: true },
    ]);
    expect(searchTerms('pengiriman terlambat ', 'id')).toEqual([
      { term: 'pengiriman', prefix: false },
      { term: 'terlambat', prefix: false },
    ]);
    expect(searchTerms('late delivery?', 'en')).toEqual([
      { term: 'late', prefix: false },
      { term: 'delivery', prefix: false },
    ]);
  });

  it('needs three letters before it matches a prefix', () => {
    expect(searchTerms('ha', 'en')).toEqual([{ term: 'ha', prefix: false }]);
    expect(searchTerms('hal', 'en')).toEqual([{ term: 'hal', prefix: true }]);
  });

  it('drops stop words and repeats, and keeps the last terms when there are too many', () => {
    expect(searchTerms('how do I', 'en')).toEqual([]);
    expect(searchTerms('Halal halal HALAL ', 'en')).toEqual([{ term: 'halal', prefix: false }]);
    expect(searchTerms('halal hal', 'en')).toEqual([
      { term: 'halal', prefix: false },
      { term: 'hal', prefix: true },
    ]);
    const many = searchTerms('one two three four five six seven eigh', 'en');
    expect(many).toHaveLength(KB_LIMITS.queryTerms);
    expect(many.at(-1)).toEqual({ term: 'eigh', prefix: true });
    expect(many.map((t) => t.term)).not.toContain('one');
  });
});

describe('index terms', () => {
  it('keeps the best field of every term: title, then tags and category, then body', () => {
    const terms = indexTerms({ title: 'Halal certification', tags: ['certificate', 'halal'], category: 'Menu and food safety', bodyText: 'Our kitchens are halal certified. The menu changes weekly.' }, 'en');
    const field = Object.fromEntries(terms.map((t) => [t.term, t.field]));
    expect(field).toEqual({
      halal: 'title',
      certification: 'title',
      certificate: 'tag',
      menu: 'tag',
      food: 'tag',
      safety: 'tag',
      kitchens: 'body',
      certified: 'body',
      changes: 'body',
      weekly: 'body',
    });
  });

  it('caps the terms of a long article, taking the most frequent body terms first', () => {
    const rare = Array.from({ length: 60 }, (_, i) => `rare${i}`).join(' ');
    const terms = indexTerms({ title: 'Delivery', tags: [], category: 'Help', bodyText: `${rare} sambal sambal sambal` }, 'en');
    expect(terms).toHaveLength(KB_LIMITS.indexedTerms);
    expect(terms.slice(0, 3).map((t) => t.term)).toEqual(['delivery', 'help', 'sambal']);
    expect(terms.map((t) => t.term)).not.toContain('rare59');
  });

  it('indexes no term longer than the limit', () => {
    const long = 'x'.repeat(KB_LIMITS.termChars + 1);
    expect(indexTerms({ title: `Link ${long}`, tags: [], category: 'Help', bodyText: '' }, 'en').map((t) => t.term)).toEqual(['link', 'help']);
  });
});

describe('ranking', () => {
  const match = (articleId: string, termIndex: number, field: TermMatch['field'], title = articleId): TermMatch => ({ articleId, termIndex, field, title });

  it('puts articles with every term first, even below a title hit of one term', () => {
    const ranked = rankMatches([match('only-title', 0, 'title'), match('both-body', 0, 'body'), match('both-body', 1, 'body')]);
    expect(ranked.map((r) => r.articleId)).toEqual(['both-body', 'only-title']);
    expect(ranked[0]).toEqual({ articleId: 'both-body', matchedTerms: 2, score: 2 });
  });

  it('ranks title hits over tag hits over body hits, then by title', () => {
    const ranked = rankMatches([match('b', 0, 'body', 'Alpha'), match('t', 0, 'tag', 'Zulu'), match('h', 0, 'title', 'Yankee'), match('h2', 0, 'title', 'Xray')]);
    expect(ranked.map((r) => r.articleId)).toEqual(['h2', 'h', 't', 'b']);
  });

  it('counts the best field once when a term matches an article several times (prefixes)', () => {
    const ranked = rankMatches([match('a', 0, 'body'), match('a', 0, 'title'), match('a', 0, 'tag')]);
    expect(ranked).toEqual([{ articleId: 'a', matchedTerms: 1, score: 3 }]);
  });
});

describe('plain text and snippets', () => {
  it('reads the text of sanitised HTML: entities decoded, inline markup joined, blocks separated', () => {
    expect(plainText('<h2>Halal</h2><p><strong>Bersertifikat</strong>-halal &amp; aman&nbsp;&#8212; 5 &gt; 3</p><ul><li>satu</li><li>dua</li></ul>')).toBe('Halal Bersertifikat-halal & aman — 5 > 3 satu dua');
  });

  it('cuts a snippet at a word boundary with an ellipsis', () => {
    const text = 'Makan siang tiba antara pukul 10.30 dan 11.30, sehingga tim Anda bisa makan tepat pukul 12.00';
    expect(snippetOf(text, 200)).toBe(text);
    const snippet = snippetOf(text, 40);
    expect(snippet.length).toBeLessThanOrEqual(40);
    expect(snippet).toBe('Makan siang tiba antara pukul 10.30 dan…');
  });
});

describe('category counters', () => {
  const at = (categoryKey: string, shelf: 'public' | 'staff', category = categoryKey) => ({ categoryKey, category, shelf });

  it('counts a new public article in total and public', () => {
    expect(categoryCountChanges(undefined, at('delivery', 'public', 'Delivery'))).toEqual([{ categoryKey: 'delivery', name: 'Delivery', total: 1, public: 1 }]);
  });

  it('moves an article between categories', () => {
    expect(categoryCountChanges(at('delivery', 'public'), at('menu', 'public'))).toEqual([
      { categoryKey: 'delivery', total: -1, public: -1 },
      { categoryKey: 'menu', name: 'menu', total: 1, public: 1 },
    ]);
  });

  it('publishing moves only the public count; an unchanged article moves nothing', () => {
    expect(categoryCountChanges(at('menu', 'staff'), at('menu', 'public'))).toEqual([{ categoryKey: 'menu', name: 'menu', total: 0, public: 1 }]);
    expect(categoryCountChanges(at('menu', 'public', 'Menu'), at('menu', 'public', 'Menu'))).toEqual([]);
  });

  it('renames a category without counting', () => {
    expect(categoryCountChanges(at('menu', 'public', 'menu'), at('menu', 'public', 'Menu'))).toEqual([{ categoryKey: 'menu', name: 'Menu', total: 0, public: 0 }]);
  });
});

describe('knowledge base policy', () => {
  const actor = (audiences: Audience[], roles: StaffRole[] = []): Actor => ({ userId: 'u1', partyId: 'p1', audiences, roles, accountIds: audiences.includes('customer') ? ['acc-kita'] : [] });
  const readers: [string, KbReader][] = [
    ['visitor', undefined],
    ['customer', actor(['customer'])],
    ['partner', actor(['partner'])],
    ['investor', actor(['investor'])],
    ['sales', actor(['staff'], ['sales'])],
    ['service', actor(['staff'], ['service'])],
    ['marketing', actor(['staff'], ['marketing'])],
    ['admin', actor(['staff'], ['admin'])],
  ];
  const published = { status: 'published', visibility: 'public' } as const;
  const hidden = [
    { status: 'published', visibility: 'internal' },
    { status: 'draft', visibility: 'public' },
    { status: 'archived', visibility: 'public' },
  ] as const;

  test.each(readers)('%s reads published public articles', (_name, reader) => {
    expect(kbPolicy.read(reader, published)).toBe('allow');
    expect(kbPolicy.feedback(reader, published)).toBe('allow');
  });

  test.each(readers)('%s: drafts, archived and internal articles are staff-only, hidden from anyone else', (name, reader) => {
    const staff = ['sales', 'service', 'marketing', 'admin'].includes(name);
    for (const article of hidden) expect(kbPolicy.read(reader, article)).toBe(staff ? 'allow' : 'hide');
    expect(kbPolicy.scope(reader)).toBe(staff ? 'all' : 'public');
  });

  test.each(readers.filter(([, reader]) => reader !== undefined))('%s: writes only as service, marketing or admin', (name, reader) => {
    const editor = ['service', 'marketing', 'admin'].includes(name);
    const staff = editor || name === 'sales';
    expect(kbPolicy.create(reader!)).toBe(editor ? 'allow' : 'forbid');
    expect(kbPolicy.update(reader!, published)).toBe(editor ? 'allow' : 'forbid');
    expect(kbPolicy.update(reader!, hidden[1])).toBe(editor ? 'allow' : staff ? 'forbid' : 'hide');
  });

  it('shelves only published public articles publicly', () => {
    expect(shelfOf(published)).toBe('public');
    for (const article of hidden) expect(shelfOf(article)).toBe('staff');
  });
});

describe('article body sanitiser', () => {
  let sanitizeArticleBody: (html: string) => Promise<string>;
  beforeAll(async () => {
    ({ sanitizeArticleBody } = await import('../../../shared/modules/kb/services/kb-sanitize'));
  });

  test.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)" style="color:red" class="x">ok</p>', '<p>ok</p>'],
    ['<img src="x" onerror="alert(1)">', ''],
    ['<img src="https://cdn.kaktus.example/a.png" alt="Nasi box" onerror="alert(1)" width="9">', '<img src="https://cdn.kaktus.example/a.png" alt="Nasi box" />'],
    ['<img src="http://cdn.kaktus.example/a.png">', ''],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', ''],
    ['<a href="javascript:alert(1)">klik</a>', 'klik'],
    ['<a href="JaVaScRiPt:alert(1)">klik</a>', 'klik'],
    ['<a href="jav&#x09;ascript:alert(1)">klik</a>', 'klik'],
    ['<a href="&#106;avascript:alert(1)">klik</a>', 'klik'],
    ['<a href=" javascript:alert(1)">klik</a>', 'klik'],
    ['<a href="vbscript:msgbox(1)">klik</a>', 'klik'],
    ['<a href="data:text/html,<script>alert(1)</script>">klik</a>', 'klik'],
    ['<a href="/relative/path">klik</a>', 'klik'],
    ['<a href="//evil.example/x">klik</a>', 'klik'],
    ['<a href="https://kaktus.example/menu" target="_blank" rel="opener" onmouseover="x()">menu</a>', '<a href="https://kaktus.example/menu" rel="noopener noreferrer">menu</a>'],
    ['<a href="mailto:halo@kaktus.example">mail</a>', '<a href="mailto:halo@kaktus.example" rel="noopener noreferrer">mail</a>'],
    ['<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<style>body{display:none}</style><p>ok</p>', '<p>ok</p>'],
    ['<svg onload="alert(1)"><circle r="1"/></svg>ok', 'ok'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 'x'],
    ['<object data="x.swf"></object><embed src="x.swf">ok', 'ok'],
    ['<form action="https://evil.example"><input name="p"><button>Go</button></form>', 'Go'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', '<p></p>'],
    ['<p>5 > 3 & "quoted"</p><!-- <script>alert(1)</script> -->', '<p>5 &gt; 3 &amp; "quoted"</p>'],
    ['<h1>Big</h1><h2>Sub</h2><h5>Small</h5>', 'Big<h2>Sub</h2>Small'],
    ['<p><a href="javascript:x()">satu</a> <a href="https://kaktus.example">dua</a> <a>tiga</a></p>', '<p>satu <a href="https://kaktus.example" rel="noopener noreferrer">dua</a> tiga</p>'],
    ['<p><img src="x"> <img src="https://cdn.kaktus.example/b.png"></p><p>lalu</p>', '<p> <img src="https://cdn.kaktus.example/b.png" /></p><p>lalu</p>'],
  ])('%s', async (input, expected) => {
    expect(await sanitizeArticleBody(input)).toBe(expected);
  });

  it('keeps the allowed rich-text set as written', async () => {
    const html = '<h2>Jam</h2><h3>Pagi</h3><h4>Siang</h4><p>A<br />B <strong>tebal</strong> <em>miring</em> <code>x</code></p><ul><li>1</li></ul><ol><li>2</li></ol><blockquote>kutipan</blockquote><pre>kode</pre>';
    expect(await sanitizeArticleBody(html)).toBe(html);
  });

  it('leaves nothing executable in any payload', async () => {
    const payloads = ['<body onload=alert(1)>', '<div><a href="javascript&colon;alert(1)">x</a></div>', '<IMG SRC=JaVaScRiPt:alert(1)>', '<a href="java\nscript:alert(1)">x</a>', '<p><scr<script>ipt>alert(1)</script></p>', '<base href="javascript:/">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'];
    for (const payload of payloads) {
      expect(await sanitizeArticleBody(payload)).not.toMatch(/<script|<iframe|<body|<base|<meta|\son\w+=|javascript:/i);
    }
  });
});
