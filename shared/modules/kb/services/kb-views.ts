import type { KbArticle, KbCategory, KbFeedbackResult, KbSearchHit } from '../schemas/kb.schema';
import type { KbArticleRow } from '../db/kb-article.entity';
import type { KbCategoryCountRow } from '../db/kb-category-count.entity';
import type { KbTermRow } from '../db/kb-term.entity';

/** An article as the API shows it (without its keys and index bookkeeping). */
export function toKbArticle({ articleId, sortTitle: _sortTitle, categoryKey: _categoryKey, shelf: _shelf, indexedTerms: _indexedTerms, createdBy: _createdBy, ...rest }: KbArticleRow): KbArticle {
  return { ...rest, id: articleId };
}

/** A category with the number of articles counted for the reader's scope: all of them (staff) or the public ones. */
export function toKbCategory(row: KbCategoryCountRow, scope: 'all' | 'public'): KbCategory {
  return { key: row.categoryKey, name: row.name ?? row.categoryKey, articleCount: (scope === 'all' ? row.totalCount : row.publicCount) ?? 0 };
}

/** A search hit, from any of the article's term items (they all carry its display fields). */
export function toKbSearchHit(item: KbTermRow): KbSearchHit {
  return { id: item.articleId, slug: item.slug, title: item.title, category: item.category, language: item.language, snippet: item.snippet };
}

/** An article's vote counts. */
export function toKbFeedbackResult(row: KbArticleRow): KbFeedbackResult {
  return { id: row.articleId, helpfulYes: row.helpfulYes, helpfulNo: row.helpfulNo };
}
