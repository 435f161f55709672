import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { IMPORT_FIELDS, LEAD_IMPORT_STATUSES } from '../domain/lead-import';

/**
 * A lead CSV import: what was asked (file name, mapping) and how far the background work has
 * come. The counters only ever grow by ADD, each chunk's once (see the chunk entity); the
 * rows themselves wait in chunk items in this item's partition. `updatedAt` moves with every
 * chunk counted, so once every row is counted it is when the import completed.
 */
export const LeadImportEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'leadImport', version: '1', service: 'relasi' },
    attributes: {
      importId: { type: 'string', required: true, readOnly: true },
      fileName: { type: 'string', required: true, readOnly: true },
      /** Column → field, as JSON (column names are the file's, so they cannot be attribute names). */
      mapping: { type: 'string', required: true, readOnly: true },
      /**
       * `queued`, or `failed` when its rows could not all be stored; the status shown is read
       * from the counters and the chunks' work states (importStatus). Imports stored before
       * that may say `processing` or `completed`, which reads the same way.
       */
      status: { type: LEAD_IMPORT_STATUSES, required: true },
      totalRows: { type: 'number', required: true, readOnly: true },
      chunkCount: { type: 'number', required: true, readOnly: true },
      processedRows: { type: 'number', required: true },
      createdRows: { type: 'number', required: true },
      updatedRows: { type: 'number', required: true },
      failedRows: { type: 'number', required: true },
      /** Every row error found; only the first ones are kept in `errors`. */
      errorCount: { type: 'number', required: true },
      errors: {
        type: 'list',
        required: true,
        items: {
          type: 'map',
          properties: {
            row: { type: 'number', required: true },
            field: { type: IMPORT_FIELDS },
            code: { type: 'string', required: true },
            message: { type: 'string', required: true },
            maxLength: { type: 'number' },
            value: { type: 'string' },
          },
        },
      },
      createdBy: { type: 'string', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['importId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** All imports, newest first. */
      byCreated: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: [] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'importId'] },
      },
    },
  }),
);

/** An import job as stored. */
export type LeadImportRow = EntityItem<ReturnType<typeof LeadImportEntity>>;

/** A row the import refused (row 0: the whole import), as kept on the job. */
export type ImportRowError = LeadImportRow['errors'][number];
