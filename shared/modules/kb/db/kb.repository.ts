import type { UpdateEntityItem } from 'electrodb';
import type { Page } from '../../../platform/page';
import type { KbLanguage, KbStatus } from '../../desk/domain/service-vocabulary';
import { KB_LIMITS, termBucket, type CategoryCountChange, type IndexedTerm, type SearchTerm } from '../domain/kb';
import { epochSeconds, nowIso } from '../../../platform/clock';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { KbArticleEntity, type KbArticleRow } from './kb-article.entity';
import { KbCategoryCountEntity, type KbCategoryCountRow } from './kb-category-count.entity';
import { KbFeedbackReceiptEntity, type KbFeedbackReceiptRow } from './kb-feedback-receipt.entity';
import { KbSlugClaimEntity } from './kb-slug-claim.entity';
import { KbTermEntity, type KbTermDisplay, type KbTermRow } from './kb-term.entity';
import { KbVoteEntity } from './kb-vote.entity';

/** What an edit may change of an article (everything but its keys and what is read-only). */
type KbArticleChanges = UpdateEntityItem<ReturnType<typeof KbArticleEntity>>;

export type KbListFilter = { language?: KbLanguage; categoryKey?: string; status?: KbStatus };

const RECEIPT_SECONDS = 24 * 60 * 60;

export const kbRepository = {
  /** The new article; fails the transaction if the id exists (it never should). */
  createOperation(row: KbArticleRow) {
    return op.put(KbArticleEntity().create(row).params());
  },

  /** Change an article only if it is still at `version`; the list keys are rebuilt from the derived fields given. */
  changeOperation(row: Pick<KbArticleRow, 'articleId' | 'language'>, version: number, changes: KbArticleChanges) {
    return op.update(
      KbArticleEntity().patch({ articleId: row.articleId })
        .set(changes)
        .composite({ language: row.language })
        .add({ version: 1 })
        .where((attr, { eq }) => eq(attr.version, version))
        .params(),
    );
  },

  /** The slug marker; fails the transaction when another article of the language holds the slug. */
  claimSlugOperation(language: KbLanguage, slug: string, articleId: string) {
    return op.put(KbSlugClaimEntity().create({ language, slug, articleId }).params());
  },

  /** Give up a slug the article held (only if it still holds it). */
  releaseSlugOperation(language: KbLanguage, slug: string, articleId: string) {
    return op.delete(
      KbSlugClaimEntity().delete({ language, slug })
        .where((attr, { eq }) => eq(attr.articleId, articleId))
        .params(),
    );
  },

  /**
   * Re-index an article: delete the term items of `previous` terms it no longer has and
   * (re)write one per current term with the display fields (which may have changed too).
   */
  indexOperations(language: KbLanguage, articleId: string, previous: string[], terms: IndexedTerm[], display: KbTermDisplay) {
    const current = new Set(terms.map((t) => t.term));
    return [
      ...previous.filter((term) => !current.has(term)).map((term) => op.delete(KbTermEntity().delete({ language, bucket: termBucket(term), term, articleId }).params())),
      ...terms.map(({ term, field }) => op.put(KbTermEntity().put({ language, bucket: termBucket(term), term, articleId, field, ...display }).params())),
    ];
  },

  /** The category counters moved in the same transaction as the article (each created on first use). */
  categoryCountOperations(language: KbLanguage, changes: CategoryCountChange[]) {
    return changes.map(({ categoryKey, name, total, public: publicCount }) => {
      const update = KbCategoryCountEntity().update({ language, categoryKey }).add({ totalCount: total, publicCount });
      return op.update((name === undefined ? update : update.set({ name })).params());
    });
  },

  /** One article by id. */
  async get(articleId: string): Promise<KbArticleRow | undefined> {
    const { data } = await KbArticleEntity().get({ articleId }).go();
    return data ?? undefined;
  },

  /** The article that holds a slug in a language. */
  async slugOwner(language: KbLanguage, slug: string): Promise<string | undefined> {
    const { data } = await KbSlugClaimEntity().get({ language, slug }).go();
    return data?.articleId;
  },

  /**
   * Articles by language, category and title. `public` reads the public shelf only; `all` reads
   * every article (staff). A category without a language, and a status, are filters on that Query.
   */
  list(scope: 'all' | 'public', filter: KbListFilter, request: PageRequest): Promise<Page<KbArticleRow>> {
    const { language, categoryKey, status } = filter;
    const position = language ? { language, ...(categoryKey ? { categoryKey } : {}) } : {};
    const query = scope === 'public' ? KbArticleEntity().query.byShelf({ shelf: 'public', ...position }) : KbArticleEntity().query.byCatalogue(position);
    const filtered =
      (categoryKey && !language) || status
        ? query.where((attr, { eq }) =>
            [categoryKey && !language ? eq(attr.categoryKey, categoryKey) : '', status ? eq(attr.status, status) : ''].filter(Boolean).join(' AND '),
          )
        : query;
    return queryPage(request, (options) => filtered.go(options), (row) => row);
  },

  /** A language's category counters: one small Query. */
  async categoryCounts(language: KbLanguage): Promise<KbCategoryCountRow[]> {
    const { data } = await KbCategoryCountEntity().query.byLanguage({ language }).go({ pages: 'all' });
    return data;
  },

  /** The term items answering one search term: the term itself, or every term it starts (as typed); `publicOnly` skips internal articles. */
  async termMatches(language: KbLanguage, search: SearchTerm, publicOnly: boolean): Promise<KbTermRow[]> {
    const bucket = termBucket(search.term);
    const query = search.prefix
      ? KbTermEntity().query.byTerm({ language, bucket }).begins({ term: search.term })
      : KbTermEntity().query.byTerm({ language, bucket, term: search.term });
    const filtered = publicOnly ? query.where((attr, { eq }) => eq(attr.visibility, 'public')) : query;
    const { data } = await filtered.go({ limit: KB_LIMITS.termMatches });
    return data;
  },

  /** The voter's answer on the article, if it voted (read consistently: the vote written next is conditional on it). */
  async vote(articleId: string, voter: string): Promise<boolean | undefined> {
    const { data } = await KbVoteEntity().get({ articleId, voter }).go({ consistent: true });
    return data?.helpful;
  },

  /**
   * The voter's answer `helpful` over its `previous` one, for one transaction: the vote item
   * (new, or changed only while it still holds `previous`) and the counts moved with it, by
   * atomic ADDs (no version change: votes never conflict with edits). With a `receipt`, first
   * the receipt of a visitor's vote under a retry key, which a second attempt finds taken.
   * Nothing when the answer stands and there is no receipt to write.
   */
  voteOperations(articleId: string, voter: string, helpful: boolean, previous: boolean | undefined, receipt?: { key: string; visitorId: string }) {
    const counted = helpful ? 'helpfulYes' : 'helpfulNo';
    const withdrawn = helpful ? 'helpfulNo' : 'helpfulYes';
    const votedAt = nowIso();
    const vote =
      previous === undefined
        ? [op.put(KbVoteEntity().create({ articleId, voter, helpful, votedAt }).params()), op.update(KbArticleEntity().patch({ articleId }).add({ [counted]: 1 }).params())]
        : previous === helpful
          ? []
          : [
              op.update(KbVoteEntity().patch({ articleId, voter }).set({ helpful, votedAt }).where((attr, { eq }) => eq(attr.helpful, previous)).params()),
              op.update(KbArticleEntity().patch({ articleId }).add({ [counted]: 1, [withdrawn]: -1 }).params()),
            ];
    return [
      ...(receipt ? [op.put(KbFeedbackReceiptEntity().create({ articleId, key: receipt.key, helpful, visitorId: receipt.visitorId, expiresAt: epochSeconds() + RECEIPT_SECONDS }).params())] : []),
      ...vote,
    ];
  },

  /** The receipt of a visitor's vote under a retry key, if one was counted. */
  async feedbackReceipt(articleId: string, key: string): Promise<KbFeedbackReceiptRow | undefined> {
    const { data } = await KbFeedbackReceiptEntity().get({ articleId, key }).go({ consistent: true });
    return data ?? undefined;
  },
};
