import { Entity } from 'electrodb';
import { lazyEntity } from '../lazy-entity';

/**
 * Up to a few hundred rows of a lead import, waiting for the events function: inserting one is
 * what starts its work (table stream). It lives in its import's partition, so a job's chunks
 * reach the stream in order on one shard and are worked one after another. Deleted in the
 * transaction that counts its rows (so a replayed stream record cannot count them twice);
 * the TTL clears chunks whose work never finished.
 */
export const LeadImportChunkEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'leadImportChunk', version: '1', service: 'relasi' },
    attributes: {
      importId: { type: 'string', required: true, readOnly: true },
      chunkNo: { type: 'number', required: true, readOnly: true },
      /** The field each cell of a row fills, in order (import fields, checked when read). */
      fields: { type: 'list', required: true, readOnly: true, items: { type: 'string' } },
      /** JSON `[[row, ...cells], …]` (see ChunkRow): one string keeps the item small and its size known. */
      rows: { type: 'string', required: true, readOnly: true },
      rowCount: { type: 'number', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      expiresAt: { type: 'number', required: true, readOnly: true },
    },
    indexes: {
      byImport: {
        pk: { field: 'pk', composite: ['importId'] },
        sk: { field: 'sk', composite: ['chunkNo'] },
      },
    },
  }),
);
