/** The attributes of `T` it may lack. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** A change to a row, as a PATCH states it: new values, `null` to clear an optional attribute; absent ones stay. */
export type RowChanges<T> = { [K in keyof T]?: K extends OptionalKeys<T> ? T[K] | null : T[K] };

/** The row with `changes` applied: values set, `null`-cleared attributes left out, `undefined` ones unchanged. */
export function changedRow<T extends Record<string, unknown>>(row: T, changes: RowChanges<T>): T {
  const next: Record<string, unknown> = { ...row };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  // A T again: RowChanges sets attributes to values of their own type and clears optional ones only.
  return next as T;
}
