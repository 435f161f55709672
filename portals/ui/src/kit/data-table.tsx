import { createSignal, For, onMount, Show, type Accessor, type JSX } from 'solid-js';
import { ErrorAlert, Loading } from './alert';

/** A header cell: a string is a plain `<th scope="col">`. */
export type Column = string | { label: JSX.Element; class?: string };

type DataTableProps<T> = {
  items: T[];
  columns: Column[];
  /** The cells of one row (inside its `<tr>`). */
  row: (item: T) => JSX.Element;
  /** aria-busy of the table, for one that reloads in place. */
  busy?: boolean;
};

/** A table with a header row and a row per item; wider than a phone, it scrolls sideways within itself instead of widening the page. */
export function DataTable<T>(props: DataTableProps<T>) {
  return (
    <div class="table-scroll">
      <table class="table" aria-busy={props.busy}>
        <thead>
          <tr>
            <For each={props.columns}>
              {(column) =>
                typeof column === 'string' ? (
                  <th scope="col">{column}</th>
                ) : (
                  <th scope="col" class={column.class}>
                    {column.label}
                  </th>
                )
              }
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>{(item) => <tr>{props.row(item)}</tr>}</For>
        </tbody>
      </table>
    </div>
  );
}

type LoadStateProps<T> = {
  data: T | undefined;
  error: unknown;
  onRetry: () => void;
  children: (data: Accessor<T>) => JSX.Element;
};

/** The error with a retry, "Loading" until the data is there, then the data. */
export function LoadState<T>(props: LoadStateProps<T>) {
  return (
    <>
      <ErrorAlert error={props.error} onRetry={props.onRetry} />
      <Show when={props.data} fallback={<Show when={!props.error}><Loading /></Show>}>
        {(data) => props.children(data as Accessor<T>)}
      </Show>
    </>
  );
}

type LoadedTableProps<T> = {
  items: T[] | undefined;
  error: unknown;
  onRetry: () => void;
  /** The text shown when there are no items. */
  empty: string;
  columns: Column[];
  row: (item: T) => JSX.Element;
};

/** A list loaded in one go: error with retry, loading, the empty text or the table. */
export function LoadedTable<T>(props: LoadedTableProps<T>) {
  return (
    <LoadState data={props.items} error={props.error} onRetry={props.onRetry}>
      {(items) => (
        <Show when={items().length > 0} fallback={<p class="empty">{props.empty}</p>}>
          <DataTable items={items()} columns={props.columns} row={props.row} />
        </Show>
      )}
    </LoadState>
  );
}

/** Data read once on mount: `load` reads it again (the retry of `LoadState`). */
export function useLoaded<T>(fetchData: () => Promise<T>) {
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<unknown>();
  const load = async () => {
    setError(undefined);
    try {
      const value = await fetchData();
      setData(() => value);
    } catch (caught) {
      setError(caught);
    }
  };
  onMount(() => void load());
  return { data, setData, error, load };
}
