import { createEffect, For, on, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { KbArticle, KbCategory } from '../../api/types';
import { ErrorAlert } from '../../kit/alert';
import { LoadState, useLoaded } from '../../kit/data-table';
import { articleCount, createArticleSearch, HitList, kbArticleUrl } from './kb';
import { ListFooter } from '../../kit/list-footer';
import { createPagedList } from '../../kit/paged-list';
import { PortalShell } from '../../kit/portal-shell';
import { SearchBox } from '../../kit/search-box';
import { locale, t } from '../../kit/i18n';
import './texts';

/** One category: its published articles by title, a page at a time. */
function CategorySection(props: { category: KbCategory }) {
  const articles = createPagedList((category: KbCategory, cursor) => api.kb.list({ lang: locale(), category: category.key, cursor, limit: 10 }));
  void articles.load(props.category);
  const titleId = `kb-category-${props.category.key}`;
  return (
    <section class="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {props.category.name} <span class="muted">({articleCount(props.category.articleCount)})</span>
      </h3>
      <ul class="plain-list kb-articles">
        <For each={articles.items()}>
          {(article: KbArticle) => (
            <li>
              <a href={kbArticleUrl(article.slug)}>{article.title}</a>
            </li>
          )}
        </For>
      </ul>
      <ListFooter loading={articles.loading()} error={articles.error()} hasMore={articles.nextCursor() !== null} onMore={() => void articles.loadMore()} />
    </section>
  );
}

function KnowledgeBase() {
  const search = createArticleSearch();
  // The categories of the portal's language; switching the language shows the other language's.
  const categories = useLoaded(() => api.kb.categories(locale()));
  createEffect(on(locale, () => void categories.load(), { defer: true }));
  return (
    <div class="stack">
      <p>{t('kb.intro')}</p>
      <SearchBox label={t('kb.search')} hint={t('kb.searchHint')} onSearch={(q) => void search.search(q)} />
      <Show when={search.query()}>
        <section aria-labelledby="kb-results-title" aria-live="polite">
          <h2 id="kb-results-title">{t('kb.results', { q: search.query() })}</h2>
          <ErrorAlert error={search.error()} onRetry={() => void search.search(search.query())} />
          <Show when={search.hits()}>
            {(hits) => (
              <Show when={hits().length > 0} fallback={<p class="empty">{t('kb.noResults', { q: search.query() })}</p>}>
                <HitList hits={hits()} />
              </Show>
            )}
          </Show>
        </section>
      </Show>
      <section class="stack" aria-labelledby="kb-categories-title">
        <h2 id="kb-categories-title">{t('common.categories')}</h2>
        <LoadState data={categories.data()} error={categories.error()} onRetry={() => void categories.load()}>
          {(page) => (
            <Show when={page().items.some((category) => category.articleCount > 0)} fallback={<p class="empty">{t('kb.empty')}</p>}>
              <div class="kb-categories">
                <For each={page().items.filter((category) => category.articleCount > 0)}>{(category) => <CategorySection category={category} />}</For>
              </div>
            </Show>
          )}
        </LoadState>
      </section>
    </div>
  );
}

/** The public knowledge base: search, and the published articles of each category, in the portal's language. */
export function KbHomePage() {
  return (
    <PortalShell portal="customer" titleKey="nav.kb" auth="optional" current="kb">
      {() => <KnowledgeBase />}
    </PortalShell>
  );
}
