import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { workAttributes, workDueIndex } from '../../../platform/work/work-unit';

/**
 * Up to a few hundred rows of a lead import, and a unit of background work
 * (shared/platform/work/work-unit.ts): inserting one hands it to the events function (table stream), the
 * schedule's sweep takes it when that did not happen or its worker died. It lives in its
 * import's partition, so the import's progress reads the state of every part with one query.
 * The transaction that counts its rows into the import also marks it done, on condition that
 * this worker's claim still holds, so rows are never counted twice; a done chunk keeps its
 * place and counts but not its rows. The TTL clears chunks a week later, whatever their state.
 */
export const LeadImportChunkEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'leadImportChunk', version: '1', service: 'relasi' },
    attributes: {
      importId: { type: 'string', required: true, readOnly: true },
      chunkNo: { type: 'number', required: true, readOnly: true },
      /** The field each cell of a row fills, in order (import fields, checked when read). */
      fields: { type: 'list', required: true, readOnly: true, items: { type: 'string' } },
      /** JSON `[[row, ...cells], …]` (see ChunkRow): one string keeps the item small and its size known. Emptied once counted. */
      rows: { type: 'string', required: true },
      rowCount: { type: 'number', required: true, readOnly: true },
      /** The file's row numbers of the first and last row, so a failed part can be named without reading its rows. */
      firstRow: { type: 'number', required: true, readOnly: true },
      lastRow: { type: 'number', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      expiresAt: { type: 'number', required: true, readOnly: true },
      ...workAttributes,
    },
    indexes: {
      byImport: {
        pk: { field: 'pk', composite: ['importId'] },
        sk: { field: 'sk', composite: ['chunkNo'] },
      },
      workDue: workDueIndex,
    },
  }),
);

/** A chunk of rows as stored, with its work state. */
export type LeadImportChunkRow = EntityItem<ReturnType<typeof LeadImportChunkEntity>>;
