import { createSignal, onMount, Show, type JSX } from 'solid-js';
import type { Page } from '../api/types';
import { DataTable, type Column } from './data-table';
import { ListFooter } from './list-footer';
import { createPagedList } from './paged-list';

/** What a table needs of a `createPagedList` list. */
export type PagedView<T> = {
  items: () => T[];
  loading: () => boolean;
  loaded: () => boolean;
  error: () => unknown;
  nextCursor: () => string | null;
  loadMore: () => unknown;
};

export type { Column } from './data-table';

type PagedTableProps<T> = {
  list: PagedView<T>;
  /** Header cells, in order; a string is a plain `<th scope="col">`. */
  columns: Column[];
  /** The cells of one row (inside its `<tr>`). */
  row: (item: T) => JSX.Element;
  /** The text shown when the list came back empty. */
  empty: string;
  /** Also hide the empty text while the list shows an error. */
  emptyHidesOnError?: boolean;
  /** Leave out aria-busy on the table (tables that do not reload in place). */
  noBusy?: boolean;
};

/** Empty text, a table of the loaded items and the load-more footer of a cursor-paged list. */
export function PagedTable<T>(props: PagedTableProps<T>) {
  return (
    <>
      <Show when={props.list.loaded() && props.list.items().length === 0 && !props.list.loading() && !(props.emptyHidesOnError && props.list.error())}>
        <p class="empty">{props.empty}</p>
      </Show>
      <Show when={props.list.items().length > 0}>
        <DataTable items={props.list.items()} columns={props.columns} row={props.row} busy={props.noBusy ? undefined : props.list.loading()} />
      </Show>
      <ListFooter loading={props.list.loading()} error={props.list.error()} hasMore={props.list.nextCursor() !== null} onMore={() => void props.list.loadMore()} />
    </>
  );
}

/**
 * A paged list driven by one parameter (a search text, a filter): `choose` remembers it and
 * loads the first page; the first page for `initial` loads on mount.
 */
export function usePagedList<T, P>(initial: P, fetchPage: (params: P, cursor: string | null) => Promise<Page<T>>) {
  const [params, setParams] = createSignal<P>(initial);
  const list = createPagedList(fetchPage);
  const choose = (next: P) => {
    setParams(() => next);
    void list.load(next);
  };
  onMount(() => choose(initial));
  return { list, params, choose };
}
