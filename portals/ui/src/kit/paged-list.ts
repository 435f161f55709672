import { createSignal } from 'solid-js';
import type { Page } from '../api/types';

/**
 * A cursor-paginated list: `load` starts over (new search), `loadMore` appends the next page.
 * Answers to superseded requests are dropped so a slow old search never overwrites a new one.
 */
export function createPagedList<T, P>(fetchPage: (params: P, cursor: string | null) => Promise<Page<T>>) {
  const [items, setItems] = createSignal<T[]>([]);
  const [nextCursor, setNextCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let params: P | undefined;
  let generation = 0;

  async function fetchInto(cursor: string | null, append: boolean) {
    if (params === undefined) return;
    const mine = ++generation;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(params, cursor);
      if (mine !== generation) return;
      setItems((current) => (append ? [...current, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setLoaded(true);
    } catch (caught) {
      if (mine === generation) setError(caught);
    } finally {
      if (mine === generation) setLoading(false);
    }
  }

  return {
    items,
    setItems,
    nextCursor,
    loading,
    loaded,
    error,
    load(next: P) {
      params = next;
      return fetchInto(null, false);
    },
    reload() {
      return fetchInto(null, false);
    },
    loadMore() {
      const cursor = nextCursor();
      // A failed first page retries from the start; a failed later page retries that page.
      return fetchInto(cursor, cursor !== null && items().length > 0);
    },
  };
}

/** Every item of a short cursor-paged list (staff users, the catalogue), read page after page up to `maxPages`. */
export async function allPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, maxPages = 10): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}
