import { normaliseLabel } from '../../sales/domain/lead-import';
import type { KbLanguage, KbStatus, KbVisibility } from '../../desk/domain/service-vocabulary';

/**
 * Knowledge base rules: slugs, the normalised terms an article is found by, how search
 * queries are read and how hits are ranked, and the plain-text snippet shown with a hit.
 * Pure; the term index items are written and queried in shared/db.
 */

export const KB_LIMITS = {
  titleChars: 160,
  /** The rich-text body as sent (HTML); what is left after sanitising is stored. */
  bodyChars: 50_000,
  categoryChars: 60,
  tagChars: 40,
  tags: 10,
  slugChars: 80,
  /**
   * Term items per article. An edit deletes the terms that went and rewrites the ones that
   * stay in ONE transaction with the article, its slug markers and two category counters:
   * 2 × 40 + 5 stays under DynamoDB's 100 items per transaction.
   */
  indexedTerms: 40,
  /** Longer "words" (URLs, codes) are not worth an index item. */
  termChars: 40,
  /** Query terms read per search: one parallel Query each. */
  queryTerms: 6,
  /** Items read from one term's partition: far more than the articles that share a term. */
  termMatches: 100,
  searchResults: 20,
  snippetChars: 160,
  queryChars: 200,
  /**
   * Term partitions are keyed by language and the first three letters of the term, so a
   * prefix of three letters or more is one Query (begins_with on the term), the same way an
   * exact term is.
   */
  bucketChars: 3,
} as const;

/** Where a term was found, best first; a title hit outranks a tag (or category) hit, which outranks a body hit. */
export const KB_TERM_FIELDS = ['title', 'tag', 'body'] as const;
export type KbTermField = (typeof KB_TERM_FIELDS)[number];

const FIELD_WEIGHT: Record<KbTermField, number> = { title: 3, tag: 2, body: 1 };

/** The article lists: the public shelf holds the published public articles, everything else is on the staff shelf. */
export const KB_SHELVES = ['public', 'staff'] as const;
export type KbShelf = (typeof KB_SHELVES)[number];

/** The shelf an article in this state belongs on. */
export function shelfOf(article: { status: KbStatus; visibility: KbVisibility }): KbShelf {
  return article.status === 'published' && article.visibility === 'public' ? 'public' : 'staff';
}

/** Where an article is counted: its category (key and name as written) and its shelf. */
export type CategoryPlacement = { categoryKey: string; category: string; shelf: KbShelf };

/** How one category counter moves: all articles (staff) and public ones; `name` when an article joins it. */
export type CategoryCountChange = { categoryKey: string; name?: string; total: number; public: number };

/** The counter changes for an article written as `after` (and before that `before`, unless new): one per category touched. */
export function categoryCountChanges(before: CategoryPlacement | undefined, after: CategoryPlacement): CategoryCountChange[] {
  const changes = new Map<string, CategoryCountChange>();
  const count = (placement: CategoryPlacement, by: 1 | -1) => {
    const change = changes.get(placement.categoryKey) ?? { categoryKey: placement.categoryKey, total: 0, public: 0 };
    change.total += by;
    if (placement.shelf === 'public') change.public += by;
    if (by === 1) change.name = placement.category;
    changes.set(placement.categoryKey, change);
  };
  if (before) count(before, -1);
  count(after, 1);
  return [...changes.values()].filter((c) => c.total !== 0 || c.public !== 0 || c.name !== before?.category);
}

/** Words that say nothing about what an article is about, per language. */
export const KB_STOP_WORDS: Record<KbLanguage, ReadonlySet<string>> = {
  en: new Set([
    'a', 'about', 'all', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can', 'could', 'did', 'do', 'does',
    'for', 'from', 'had', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'me', 'my', 'of', 'on', 'or', 'our',
    'so', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'us', 'was', 'we',
    'were', 'what', 'when', 'where', 'which', 'who', 'why', 'will', 'with', 'would', 'you', 'your',
  ]),
  id: new Set([
    'ada', 'adalah', 'agar', 'akan', 'anda', 'apa', 'apakah', 'atau', 'bagaimana', 'bagi', 'bahwa', 'beberapa', 'belum', 'bila',
    'bisa', 'cara', 'dalam', 'dan', 'dapat', 'dari', 'dengan', 'di', 'hal', 'ini', 'itu', 'jika', 'juga', 'kami', 'kapan',
    'karena', 'ke', 'kenapa', 'mana', 'mengapa', 'nya', 'oleh', 'pada', 'para', 'pun', 'saat', 'saja', 'saya', 'sebuah',
    'sehingga', 'siapa', 'sudah', 'supaya', 'tersebut', 'untuk', 'yaitu', 'yang',
  ]),
};

/** Lower-case ASCII words joined by hyphens ("Sertifikasi Halal & Menu" → "sertifikasi-halal-menu"); '' when nothing is left. */
export function slugify(text: string): string {
  const words = normaliseLabel(text).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > KB_LIMITS.slugChars) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, KB_LIMITS.slugChars) ?? '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Tags without repeats (ignoring case and diacritics), in the order given. */
export function distinctTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = normaliseLabel(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The words of a text as they are indexed and searched: lower case, diacritics folded, stop words dropped. */
export function tokenise(text: string, language: KbLanguage): string[] {
  const stop = KB_STOP_WORDS[language];
  return normaliseLabel(text)
    .split(' ')
    .filter((word) => word && word.length <= KB_LIMITS.termChars && !stop.has(word));
}

/** The partition a term lives in (with its language). */
export function termBucket(term: string): string {
  return term.slice(0, KB_LIMITS.bucketChars);
}

export type IndexedTerm = { term: string; field: KbTermField };

/**
 * The distinct terms an article is found by, each with the best field it occurs in: every
 * title term, then tag and category terms, then the body's most frequent terms until the cap.
 */
export function indexTerms(article: { title: string; tags: string[]; category: string; bodyText: string }, language: KbLanguage): IndexedTerm[] {
  const terms = new Map<string, KbTermField>();
  const add = (term: string, field: KbTermField) => {
    if (!terms.has(term) && terms.size < KB_LIMITS.indexedTerms) terms.set(term, field);
  };
  for (const term of tokenise(article.title, language)) add(term, 'title');
  for (const term of [...article.tags, article.category].flatMap((text) => tokenise(text, language))) add(term, 'tag');
  const frequency = new Map<string, number>();
  for (const term of tokenise(article.bodyText, language)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  // Map keeps first-seen order, and sort is stable: equally frequent terms stay in reading order.
  for (const [term] of [...frequency].sort((a, b) => b[1] - a[1])) add(term, 'body');
  return [...terms].map(([term, field]) => ({ term, field }));
}

export type SearchTerm = { term: string; prefix: boolean };

/**
 * A search box's text as terms to look up. The last word is matched as a prefix while the
 * person is still typing it (no space after it yet) and it is long enough to name one
 * partition; duplicates and stop words are dropped, and at most `KB_LIMITS.queryTerms` remain.
 */
export function searchTerms(query: string, language: KbLanguage): SearchTerm[] {
  const words = tokenise(query.slice(0, KB_LIMITS.queryChars), language);
  const typing = !/[\s\p{P}]$/u.test(query);
  const terms = new Map<string, boolean>();
  words.forEach((word, index) => {
    const prefix = typing && index === words.length - 1 && word.length >= KB_LIMITS.bucketChars;
    terms.set(word, prefix || (terms.get(word) ?? false));
  });
  return [...terms].slice(-KB_LIMITS.queryTerms).map(([term, prefix]) => ({ term, prefix }));
}

/** One term item that answered one search term. */
export type TermMatch = { articleId: string; termIndex: number; field: KbTermField; title: string };

export type RankedArticle = { articleId: string; matchedTerms: number; score: number };

/**
 * Articles in the order a reader wants them: those with every search term first (then those
 * with more of them), then by where the terms were found (title > tag > body), then by title.
 */
export function rankMatches(matches: TermMatch[]): RankedArticle[] {
  const byArticle = new Map<string, { title: string; best: Map<number, number> }>();
  for (const match of matches) {
    const entry = byArticle.get(match.articleId) ?? { title: match.title, best: new Map<number, number>() };
    entry.best.set(match.termIndex, Math.max(entry.best.get(match.termIndex) ?? 0, FIELD_WEIGHT[match.field]));
    byArticle.set(match.articleId, entry);
  }
  return [...byArticle]
    .map(([articleId, { title, best }]) => ({ articleId, title, matchedTerms: best.size, score: [...best.values()].reduce((sum, w) => sum + w, 0) }))
    .sort((a, b) => b.matchedTerms - a.matchedTerms || b.score - a.score || a.title.localeCompare(b.title) || a.articleId.localeCompare(b.articleId))
    .map(({ articleId, matchedTerms, score }) => ({ articleId, matchedTerms, score }));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of sanitised article HTML, for the term index and snippets. Inline markup joins
 * its neighbours ("<strong>Halal</strong>-certified"); block markup separates words.
 */
export function plainText(html: string): string {
  return html
    .replace(/<\/?(?:a|strong|em|code)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The start of a text, cut at a word boundary, with an ellipsis when something was left out. */
export function snippetOf(text: string, maxChars: number = KB_LIMITS.snippetChars): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars - 1);
  // The cut ends a word when a space follows it; otherwise go back to the last space (unless that loses too much).
  const space = clean[cut.length] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}
