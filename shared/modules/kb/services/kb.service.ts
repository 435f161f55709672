import type { KbArticle, KbArticleCreate, KbArticlePatch, KbCategory, KbFeedbackResult, KbSearchHit } from '../schemas/kb.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import type { KbLanguage, KbStatus } from '../../desk/domain/service-vocabulary';
import { kbPolicy, type KbReader } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError, VersionConflictError } from '../../../platform/errors';
import {
  categoryCountChanges,
  distinctTags,
  indexTerms,
  plainText,
  rankMatches,
  searchTerms,
  shelfOf,
  slugify,
  snippetOf,
  type IndexedTerm,
} from '../domain/kb';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import type { KbArticleRow } from '../db/kb-article.entity';
import type { KbTermDisplay } from '../db/kb-term.entity';
import { kbRepository } from '../db/kb.repository';
import { isCancelled, transact, TransactionConflict } from '../../../platform/db/transaction';
import { consume, LIMITS } from '../../identity/services/throttle';
import { kbVisitor } from './kb-visitor';
import { toKbArticle, toKbCategory, toKbFeedbackResult, toKbSearchHit } from './kb-views';

type PageInput = { limit: number; cursor?: string };

/** Whom a visitor's list cursors are bound to. */
const VISITOR = 'anonymous';

const WHAT = 'Article';

/** How often a vote is tried when concurrent writes to the article or the voter's vote cancel its transaction. */
const FEEDBACK_ATTEMPTS = 3;

/** The body as stored: the allowed rich-text set only, and something must be left of it. */
async function sanitise(html: string): Promise<string> {
  const { sanitizeArticleBody } = await import('./kb-sanitize');
  const clean = await sanitizeArticleBody(html);
  if (!plainText(clean) && !clean.includes('<img')) {
    throw new ValidationError('Nothing is left of the body once unsupported markup is removed.', undefined, 'body_empty');
  }
  return clean;
}

type Written = Omit<KbArticleRow, 'sortTitle' | 'categoryKey' | 'shelf' | 'indexedTerms'>;

/** The stored article and its search terms (published articles only), derived from what people write. */
function derive(written: Written): { row: KbArticleRow; terms: IndexedTerm[] } {
  const terms =
    written.status === 'published' ? indexTerms({ title: written.title, tags: written.tags, category: written.category, bodyText: plainText(written.body) }, written.language) : [];
  const row = { ...written, sortTitle: sortKeyText(written.title), categoryKey: slugify(written.category), shelf: shelfOf(written), indexedTerms: terms.map((t) => t.term) };
  return { row, terms };
}

function displayOf(row: KbArticleRow): KbTermDisplay {
  return { visibility: row.visibility, slug: row.slug, title: row.title, category: row.category, snippet: snippetOf(plainText(row.body)) };
}

const slugTaken = (row: KbArticleRow, error: unknown) =>
  new ConflictError('slug_taken', `Another ${row.language === 'id' ? 'Indonesian' : 'English'} article uses the slug "${row.slug}".`, { cause: error });

/** The article the reader may see, or the 404 a missing one gives. */
async function readable(reader: KbReader, articleId: string): Promise<KbArticleRow> {
  const row = await kbRepository.get(articleId);
  if (!row) throw new NotFoundError(WHAT);
  enforce(kbPolicy.read(reader, row), WHAT);
  return row;
}

/** A signed-out voter as the request shows it: its visitor cookie, if any, and its network address. */
export type KbVisitorRequest = { token?: string; address: string };

/**
 * Record `helpful` as the voter's answer; retried when a concurrent vote of the same voter or
 * a write to the article cancels the transaction (the vote is read again each time). With a
 * `receipt`, a request under a retry key already counted changes nothing: the visitor the
 * receipt names is returned (or 409 when the key came with the other answer).
 */
async function castVote(articleId: string, voter: string, helpful: boolean, receipt?: { key: string; visitorId: string }): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    const items = kbRepository.voteOperations(articleId, voter, helpful, await kbRepository.vote(articleId, voter), receipt);
    if (items.length === 0) return undefined;
    try {
      await transact(items);
      return undefined;
    } catch (error) {
      if (receipt && error instanceof TransactionConflict && error.failedIndexes.includes(0)) {
        const counted = await kbRepository.feedbackReceipt(articleId, receipt.key);
        if (counted && counted.helpful !== helpful) throw new ConflictError('idempotency_key_reused', 'This Idempotency-Key was used with a different request.', { cause: error });
        return counted?.visitorId;
      }
      if (!isCancelled(error)) throw error;
      if (attempt === FEEDBACK_ATTEMPTS) throw new VersionConflictError();
    }
  }
}

/** The article's vote counts as they stand after a vote. */
async function countsOf(articleId: string): Promise<KbFeedbackResult> {
  return toKbFeedbackResult((await kbRepository.get(articleId))!);
}

export const kbService = {
  /** Articles by language, category and title; everyone outside staff sees the published public ones. */
  async list(reader: KbReader, page: PageInput, filter: { language?: KbLanguage; category?: string; status?: KbStatus }): Promise<Page<KbArticle>> {
    const scope = kbPolicy.scope(reader);
    // Outside staff only published articles exist: asking for drafts finds none, as it would for a missing id.
    if (scope === 'public' && filter.status && filter.status !== 'published') return { items: [], nextCursor: null };
    const categoryKey = filter.category === undefined ? undefined : slugify(filter.category);
    // A name that makes no key names no category there is.
    if (categoryKey === '') return { items: [], nextCursor: null };
    const status = scope === 'all' ? filter.status : undefined;
    const list = `kb:${scope}:${filter.language ?? ''}:${categoryKey ?? ''}:${status ?? ''}`;
    return mapPage(await kbRepository.list(scope, { language: filter.language, categoryKey, status }, { ...page, callerId: reader?.userId ?? VISITOR, list }), toKbArticle);
  },

  /** One article, if the reader may see it (404 otherwise, as for a missing id). */
  async get(reader: KbReader, articleId: string): Promise<KbArticle> {
    return toKbArticle(await readable(reader, articleId));
  },

  /** The article behind a pretty URL: slugs are unique per language. */
  async bySlug(reader: KbReader, language: KbLanguage, slug: string): Promise<KbArticle> {
    const articleId = await kbRepository.slugOwner(language, slug);
    if (!articleId) throw new NotFoundError(WHAT);
    return toKbArticle(await readable(reader, articleId));
  },

  /** A language's categories with the number of articles the reader may see in each, by name. */
  async categories(reader: KbReader, language: KbLanguage): Promise<KbCategory[]> {
    const scope = kbPolicy.scope(reader);
    return (await kbRepository.categoryCounts(language))
      .map((row) => toKbCategory(row, scope))
      .filter((category) => category.articleCount > 0)
      .sort((a, b) => a.name.localeCompare(b.name));
  },

  /**
   * The published articles that best match what the reader typed, for the portal's
   * suggestions while a ticket subject is typed: one parallel Query per term, then ranking.
   */
  async search(reader: KbReader, language: KbLanguage, query: string, limit: number): Promise<KbSearchHit[]> {
    const terms = searchTerms(query, language);
    if (terms.length === 0) return [];
    const publicOnly = kbPolicy.scope(reader) === 'public';
    const found = await Promise.all(terms.map((term) => kbRepository.termMatches(language, term, publicOnly)));
    const items = new Map(found.flat().map((item) => [item.articleId, item]));
    const ranked = rankMatches(found.flatMap((rows, termIndex) => rows.map((row) => ({ articleId: row.articleId, termIndex, field: row.field, title: row.title }))));
    return ranked.slice(0, limit).map(({ articleId }) => toKbSearchHit(items.get(articleId)!));
  },

  /** Write an article with its slug marker, search terms (when published) and category counts, in one transaction. */
  async create(actor: Actor, input: KbArticleCreate): Promise<KbArticle> {
    enforce(kbPolicy.create(actor), WHAT);
    const articleId = newId();
    const at = nowIso();
    const { row, terms } = derive({
      articleId,
      language: input.language,
      slug: input.slug ?? (slugify(input.title) || `article-${articleId.slice(0, 8)}`),
      title: input.title,
      body: await sanitise(input.body),
      category: input.category,
      tags: distinctTags(input.tags),
      visibility: input.visibility,
      status: input.status,
      helpfulYes: 0,
      helpfulNo: 0,
      ...(input.status === 'published' ? { publishedAt: at } : {}),
      createdBy: actor.userId,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    try {
      await transact([
        kbRepository.createOperation(row),
        kbRepository.claimSlugOperation(row.language, row.slug, articleId),
        ...kbRepository.indexOperations(row.language, articleId, [], terms, displayOf(row)),
        ...kbRepository.categoryCountOperations(row.language, categoryCountChanges(undefined, row)),
      ]);
    } catch (error) {
      if (error instanceof TransactionConflict) throw slugTaken(row, error);
      throw error;
    }
    return toKbArticle(row);
  },

  /** Edit an article (If-Match); its terms, slug marker and category counts follow in the same transaction. */
  async update(actor: Actor, articleId: string, version: number, patch: KbArticlePatch): Promise<KbArticle> {
    const row = await kbRepository.get(articleId);
    if (!row) throw new NotFoundError(WHAT);
    enforce(kbPolicy.update(actor, row), WHAT);
    if (row.version !== version) throw new VersionConflictError(row.version);
    const { version: _bodyVersion, body, tags, ...fields } = patch;
    const at = nowIso();
    const { row: next, terms } = derive({
      ...row,
      ...fields,
      ...(body === undefined ? {} : { body: await sanitise(body) }),
      ...(tags === undefined ? {} : { tags: distinctTags(tags) }),
      ...(fields.status === 'published' && !row.publishedAt ? { publishedAt: at } : {}),
      updatedAt: at,
    });
    // Everything but the key, the creation time, the version (raised by the update) and the votes (counted concurrently).
    const { articleId: _id, language: _language, createdAt: _createdAt, version: _version, helpfulYes: _yes, helpfulNo: _no, ...changes } = next;
    const slugChanged = next.slug !== row.slug;
    const items = [
      kbRepository.changeOperation(row, version, changes),
      ...(slugChanged ? [kbRepository.claimSlugOperation(row.language, next.slug, articleId), kbRepository.releaseSlugOperation(row.language, row.slug, articleId)] : []),
      ...kbRepository.indexOperations(row.language, articleId, row.indexedTerms, terms, displayOf(next)),
      ...kbRepository.categoryCountOperations(row.language, categoryCountChanges(row, next)),
    ];
    try {
      await transact(items);
    } catch (error) {
      if (error instanceof TransactionConflict && slugChanged && error.failedIndexes.includes(1)) throw slugTaken(next, error);
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return toKbArticle((await kbRepository.get(articleId))!);
  },

  /**
   * "Was this helpful?": one answer per voter, the vote item and the counts in one
   * transaction, so voting again changes the answer and never adds one. A signed-in reader
   * votes as its user; a visitor as the visitor its cookie names, or as a new one (a limited
   * number per address an hour), and gets back the cookie to send next time. A visitor's retry
   * under the same Idempotency-Key is recognised by a receipt written with the vote;
   * signed-in retries never get here (the idempotency middleware answers them).
   */
  async feedback(reader: KbReader, articleId: string, helpful: boolean, visitor: KbVisitorRequest, retryKey?: string): Promise<{ result: KbFeedbackResult; visitorToken?: string }> {
    const row = await kbRepository.get(articleId);
    if (!row) throw new NotFoundError(WHAT);
    enforce(kbPolicy.feedback(reader, row), WHAT);
    if (row.status !== 'published') throw new BusinessRuleError('article_not_published', 'Only a published article takes feedback.');
    if (reader) {
      await castVote(articleId, `user:${reader.userId}`, helpful);
      return { result: await countsOf(articleId) };
    }
    let visitorId = kbVisitor.idOf(visitor.token);
    if (!visitorId) {
      await consume(`kb-visitor:ip:${visitor.address}`, LIMITS.kbVisitorsPerIp);
      visitorId = newId();
    }
    const replayed = await castVote(articleId, `visitor:${visitorId}`, helpful, retryKey ? { key: retryKey, visitorId } : undefined);
    return { result: await countsOf(articleId), visitorToken: kbVisitor.tokenFor(replayed ?? visitorId) };
  },
};
