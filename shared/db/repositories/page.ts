import type { Page } from '../../schemas/common.schema';
import { openCursor, sealCursor } from '../../services/security/cursor';

/** Who asks and for which list: cursors are bound to both. */
export type PageRequest = { limit: number; cursor?: string; callerId: string; list: string };

/** Run a keyed query page with a sealed cursor and map its items. */
export async function queryPage<Row, Item>(
  request: PageRequest,
  run: (options: { limit: number; cursor: string | null }) => Promise<{ data: Row[]; cursor: string | null }>,
  map: (row: Row) => Item,
): Promise<Page<Item>> {
  const position = openCursor(request.cursor, request.callerId, request.list);
  const result = await run({ limit: request.limit, cursor: position ?? null });
  return { items: result.data.map(map), nextCursor: sealCursor(result.cursor, request.callerId, request.list) };
}
