import type { UpdateRecordGo } from 'electrodb';
import type { Condition } from './condition';
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

/** ElectroDB's update of one record once a value is set, as far as a versioned patch uses it; it answers with `Item`. */
type VersionedUpdate<Item> = {
  remove(attributes: string[]): VersionedUpdate<Item>;
  add(values: { version: number }): VersionedUpdate<Item>;
  where(condition: Condition<{ version: number }>): VersionedUpdate<Item>;
  go: UpdateRecordGo<Item, unknown>;
};

/** The patch of one versioned record, `XEntity().patch(key)`: its item type is the entity's row. */
export type VersionedPatch<Item> = { set(values: Record<string, unknown>): VersionedUpdate<Item> };

/**
 * A patch that succeeds only when the stored version is `expectedVersion`, bumping it, and
 * answers with the record as it now is (typed by the entity `start` patches).
 * One round trip: on failure DynamoDB hands back the old item, which tells a missing
 * record (404) from a stale version (409).
 */
export async function patchIfVersion<Item extends { version: number }>(
  start: () => VersionedPatch<Item>,
  what: string,
  expectedVersion: number,
  changes: Changes,
): Promise<Item> {
  const { set, remove } = splitChanges(changes);
  let chain = start().set({ ...set, updatedAt: nowIso() });
  if (remove.length > 0) chain = chain.remove(remove);
  const result = await chain
    .add({ version: 1 })
    .where((attr, { eq }) => eq(attr.version, expectedVersion))
    .go({ response: 'all_new', returnOnConditionCheckFailure: 'all_old' });
  if (result.rejected) {
    if (!result.data) throw new NotFoundError(what);
    throw new VersionConflictError(result.data.version);
  }
  return result.data;
}
