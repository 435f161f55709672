import { LeadImportChunkEntity } from '../../shared/db/entities/lead-import-chunk.entity';
import { importChunk } from '../../shared/services/lead-import/chunk-import';

/**
 * Works a newly inserted lead import chunk (its rows become leads and count into the job). A
 * malformed item is skipped, not thrown: retrying cannot fix it. Failures of the work itself
 * are thrown, so the stream hands the record again; the work is safe to repeat.
 */
export async function importLeadChunk(item: Record<string, unknown>): Promise<void> {
  const { data } = LeadImportChunkEntity().parse({ Item: item });
  if (!data) {
    console.error('lead import: malformed chunk item skipped', { pk: item.pk });
    return;
  }
  await importChunk(data);
}
