import { createSignal, For, Show, type JSX } from 'solid-js';
import { api } from '../api/endpoints';
import type { Account, Page } from '../api/types';
import { ListFooter } from './list-footer';
import { createPagedList } from './paged-list';
import { SearchBox } from './search-box';
import { t } from './i18n';

type SearchPickerProps<T extends { id: string }> = {
  label: string;
  hint?: string;
  /** Reads one page of matches for a (non-empty) search text. */
  search: (q: string, cursor: string | null) => Promise<Page<T>>;
  /** The text when nothing matches `q`. */
  noMatch: (q: string) => string;
  /** The name on the "Select …" button of an item. */
  itemName: (item: T) => string;
  /** Shown after the button, e.g. the e-mail. */
  detail?: (item: T) => JSX.Element;
  selectedId: string | undefined;
  onSelect: (item: T) => void;
};

/** A search box with a paged list of "Select …" buttons under it, once something is typed. */
export function SearchPicker<T extends { id: string }>(props: SearchPickerProps<T>) {
  const [query, setQuery] = createSignal('');
  const results = createPagedList((q: string, cursor) => props.search(q, cursor));
  const search = (q: string) => {
    setQuery(q);
    if (q) void results.load(q);
  };
  return (
    <>
      <SearchBox label={props.label} hint={props.hint} onSearch={search} />
      <Show when={query()}>
        <Show when={results.loaded() && results.items().length === 0 && !results.loading()}>
          <p class="empty">{props.noMatch(query())}</p>
        </Show>
        <ul class="pick-list">
          <For each={results.items()}>
            {(item) => (
              <li>
                <button type="button" class="button button-secondary" aria-pressed={props.selectedId === item.id} onClick={() => props.onSelect(item)}>
                  {t('common.select', { name: props.itemName(item) })}
                </button>
                {props.detail?.(item)}
              </li>
            )}
          </For>
        </ul>
        <ListFooter loading={results.loading()} error={results.error()} hasMore={results.nextCursor() !== null} onMore={() => void results.loadMore()} />
      </Show>
    </>
  );
}

/** The search for an account to choose, then which one is chosen (converting a lead, a new quote). */
export function AccountPicker(props: { selected: Pick<Account, 'id' | 'name'> | undefined; onSelect: (account: Account) => void }) {
  return (
    <div class="stack">
      <SearchPicker<Account>
        label={t('accounts.search')}
        hint={t('accounts.searchHint')}
        search={(q, cursor) => api.accounts.list({ q, cursor, limit: 10 })}
        noMatch={(q) => t('accounts.noMatch', { q })}
        itemName={(candidate) => candidate.name}
        selectedId={props.selected?.id}
        onSelect={(account) => props.onSelect(account)}
      />
      <Show when={props.selected}>{(picked) => <p role="status">{t('common.selected', { name: picked().name })}</p>}</Show>
    </div>
  );
}
