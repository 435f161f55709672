import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { KbSearchHit } from '../../api/types';
import { locale, t } from '../../kit/i18n';
import { KB_LIMITS } from '../../../../../shared/modules/kb/domain/kb';
import './texts';

// The knowledge base as the customer portal shows it: to visitors, and beside the new-ticket form.

/** The customer portal's page of an article: slugs are unique per language and the page reads it in the portal's language. */
export const kbArticleUrl = (slug: string) => `/kb/article/?slug=${encodeURIComponent(slug)}`;

/** "1 article" / "{n} articles". */
export function articleCount(n: number): string {
  return n === 1 ? t('kb.articleCountOne') : t('kb.articleCount', { n });
}

type HitListProps = {
  hits: KbSearchHit[];
  /** Open the articles in a new tab, so that a half-written form stays as it is. */
  newTab?: boolean;
};

/** Search hits: the article's title as a link, its category and the start of its text. */
export function HitList(props: HitListProps) {
  return (
    <ul class="kb-hits">
      <For each={props.hits}>
        {(hit) => (
          <li>
            <a href={kbArticleUrl(hit.slug)} target={props.newTab ? '_blank' : undefined} rel={props.newTab ? 'noopener' : undefined}>
              {hit.title}
              <Show when={props.newTab}>
                <span class="visually-hidden"> {t('kb.opensNewTab')}</span>
              </Show>
            </a>
            <span class="badge">{hit.category}</span>
            <p class="muted">{hit.snippet}</p>
          </li>
        )}
      </For>
    </ul>
  );
}

/**
 * Published articles matching a text, in the portal's language (searched again when it
 * changes). A newer search cancels the one before, so a slow answer never replaces a newer one.
 */
export function createArticleSearch() {
  const [query, setQuery] = createSignal('');
  const [hits, setHits] = createSignal<KbSearchHit[]>();
  const [error, setError] = createSignal<unknown>();
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  const search = async (text: string) => {
    controller?.abort();
    const q = text.trim().slice(0, KB_LIMITS.queryChars);
    setQuery(q);
    setError(undefined);
    if (!q) return setHits(undefined);
    const mine = (controller = new AbortController());
    try {
      const page = await api.kb.search(q, locale(), mine.signal);
      if (!mine.signal.aborted) setHits(page.items);
    } catch (caught) {
      if (!mine.signal.aborted) setError(caught);
    }
  };
  createEffect(on(locale, () => void (query() && search(query())), { defer: true }));
  return { query, hits, error, search };
}
