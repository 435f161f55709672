import type { Page } from '../page';
import { invalidCursor, openCursor, sealCursor } from './cursor';
import { GLOBAL_INDEXES, TABLE_KEYS } from './table';

/** Who asks and for which list: cursors are bound to both. */
export type PageRequest = { limit: number; cursor?: string; callerId: string; list: string };

const KEY_ATTRIBUTES = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...GLOBAL_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey])]);

/**
 * Whether a position is what ElectroDB pages from: an item's key as base64url JSON, the
 * table's key attributes (text) and nothing else. Anything else fails inside the query.
 */
function isItemKey(position: string): boolean {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(position, 'base64url').toString());
  } catch {
    return false;
  }
  if (typeof key !== 'object' || key === null || !(TABLE_KEYS.partitionKey in key && TABLE_KEYS.sortKey in key)) return false;
  return Object.entries(key).every(([name, value]) => KEY_ATTRIBUTES.has(name) && typeof value === 'string');
}

/**
 * DynamoDB refused the query's input. A list runs the same query on every page but for its
 * start key, so on a later page that is the cursor's key: one of another index or partition.
 */
function refusedStartKey(error: unknown): boolean {
  return error instanceof Error && error.cause instanceof Error && error.cause.name === 'ValidationException';
}

/**
 * Run a keyed query page with a sealed cursor and map its items. A cursor whose position is
 * no key of this query answers 400 invalid_cursor, even when its signature is valid.
 */
export async function queryPage<Row, Item>(
  request: PageRequest,
  run: (options: { limit: number; cursor: string | null }) => Promise<{ data: Row[]; cursor: string | null }>,
  map: (row: Row) => Item,
): Promise<Page<Item>> {
  const position = openCursor(request.cursor, request.callerId, request.list);
  if (position !== undefined && !isItemKey(position)) throw invalidCursor();
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run({ limit: request.limit, cursor: position ?? null });
  } catch (error) {
    if (position !== undefined && refusedStartKey(error)) throw invalidCursor();
    throw error;
  }
  return { items: result.data.map(map), nextCursor: sealCursor(result.cursor, request.callerId, request.list) };
}
