import { mapLimited } from '../../../platform/concurrency';
import { sameDocument, searchDocumentOf } from '../domain/search-document';
import { searchRepository } from '../db/search.repository';

/**
 * Keep the search's term items in step with a changed record, from the table stream's old and
 * new images (either may be missing: a new or a deleted record). Items the search does not
 * know cost one property lookup; an update that changed nothing searchable writes nothing; a
 * replayed record writes the same items again.
 */
export async function searchProjection(oldImage: Record<string, unknown> | undefined, newImage: Record<string, unknown> | undefined): Promise<void> {
  const before = searchDocumentOf(oldImage);
  const after = searchDocumentOf(newImage);
  if ((!before && !after) || sameDocument(before, after)) return;
  await searchRepository.replace(before, after);
}

/** One change of one stored record in a stream batch: its keys (as text) and its old and new images. */
export type RecordChange = { key: string; old?: Record<string, unknown>; item?: Record<string, unknown> };

/** Records indexed at once: a lead import's batch of hundreds of new leads is not written one by one. */
const RECORDS_AT_ONCE = 8;

/**
 * The search terms of a whole stream batch: one replace per record changed in it, from its first
 * old image to its last new image (a record inserted and changed in one batch is written once),
 * several records at a time. Records are independent, so their order across records does not matter.
 */
export async function searchProjectionOfBatch(changes: readonly RecordChange[]): Promise<void> {
  const byRecord = new Map<string, { old?: Record<string, unknown>; item?: Record<string, unknown> }>();
  for (const change of changes) {
    const seen = byRecord.get(change.key);
    if (seen) seen.item = change.item;
    else byRecord.set(change.key, { old: change.old, item: change.item });
  }
  await mapLimited([...byRecord.values()], RECORDS_AT_ONCE, ({ old, item }) => searchProjection(old, item));
}
