import { NotFoundError, VersionConflictError } from '../errors';
import { nowIso } from '../clock';

/** The fields of a PATCH: values to set, and `null` for optional fields to clear. */
export type Changes = Record<string, unknown>;

/** Split PATCH changes into what to set and which attributes to remove. */
export function splitChanges(changes: Changes): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) remove.push(field);
    else set[field] = value;
  }
  return { set, remove };
}

type PatchChain = {
  set: (values: any) => PatchChain;
  remove: (attributes: any) => PatchChain;
  add: (values: any) => PatchChain;
  where: (fn: any) => PatchChain;
  go: (options: any) => Promise<{ rejected: boolean; data: any }>;
};

/**
 * A patch that succeeds only when the stored version is `expectedVersion`, bumping it.
 * One round trip: on failure DynamoDB hands back the old item, which tells a missing
 * record (404) from a stale version (409).
 */
export async function patchIfVersion<T>(
  start: () => PatchChain,
  what: string,
  expectedVersion: number,
  changes: Changes,
): Promise<T> {
  const { set, remove } = splitChanges(changes);
  let chain = start().set({ ...set, updatedAt: nowIso() });
  if (remove.length > 0) chain = chain.remove(remove);
  const result = await chain
    .add({ version: 1 })
    .where((attr: any, { eq }: any) => eq(attr.version, expectedVersion))
    .go({ response: 'all_new', returnOnConditionCheckFailure: 'all_old' });
  if (result.rejected) {
    if (!result.data) throw new NotFoundError(what);
    throw new VersionConflictError(result.data.version);
  }
  return result.data as T;
}
