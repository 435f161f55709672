/** One page of a list and where the next one starts (`null`: the last page). */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** The same page with each item mapped (rows to the API's shapes). */
export function mapPage<Row, Item>(page: Page<Row>, map: (row: Row) => Item): Page<Item> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
