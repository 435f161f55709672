import type { Actor } from '../../../identity/domain/identity';
import type { Page } from '../../../../platform/page';
import type { LeadImport, LeadImportCreate, LeadImportPreview } from '../../schemas/lead-import.schema';
import { enforce } from '../../../../platform/access';
import { leadImportPolicy } from '../../policy';
import { checkMapping, chunkRows, columnRecord, importStatus, IMPORT_FIELDS, IMPORT_LIMITS, REQUIRED_IMPORT_FIELDS, settledImportStatus, suggestMapping, type ChunkRow } from '../../domain/lead-import';
import { ConflictError, NotFoundError, ValidationError } from '../../../../platform/errors';
import { nowIso } from '../../../../platform/clock';
import { newId } from '../../../../platform/db/keys';
import { retryUnit } from '../../../../platform/work/work-unit';
import type { LeadImportRow } from '../../db/lead-import.entity';
import { leadImportRepository } from '../../db/lead-import.repository';
import { toLeadImport } from '../sales-views';
import { mapLimited } from '../../../../platform/concurrency';
import { readCsv, readCsvStart } from './csv-table';

type PageInput = { limit: number; cursor?: string };

/** Chunk puts in flight at once while an import is stored. */
const CHUNK_PUTS_AT_ONCE = 4;

/** Imports whose status is read from their chunks, read at once while a page of imports is shown. */
const CHUNK_READS_AT_ONCE = 4;

/** An import with what its chunks say; they are read only while its own fields leave the status open. */
async function withChunks(row: LeadImportRow): Promise<LeadImport> {
  if (settledImportStatus(row)) return toLeadImport(row, []);
  const chunks = await leadImportRepository.chunks(row.importId);
  if (importStatus(row, chunks) !== 'incomplete') return toLeadImport(row, chunks);
  // The last chunks may have been counted after `row` was read: read again, the counters hold
  // every chunk the read shows done (one transaction counts a chunk and marks it done).
  return toLeadImport((await leadImportRepository.get(row.importId)) ?? row, chunks);
}

const emptyFile = () => new ValidationError('The file is empty: it needs a header row and at least one row of data.', undefined, 'empty_file');

export const leadImportService = {
  /** The columns of a file, a few rows and the mapping their header names suggest (from the start of the file only). */
  async preview(actor: Actor, csv: string): Promise<LeadImportPreview> {
    enforce(leadImportPolicy.use(actor), 'Lead import');
    const { columns, rows } = await readCsvStart(csv, IMPORT_LIMITS.sampleRows);
    if (columns.length === 0) throw emptyFile();
    return {
      columns,
      sampleRows: rows.map((r) => r.cells),
      suggestedMapping: suggestMapping(columns),
      fields: IMPORT_FIELDS.map((field) => ({ field, required: REQUIRED_IMPORT_FIELDS.includes(field) })),
    };
  },

  /**
   * Check the file and the mapping, store the job and the rows in chunks, and answer at once:
   * the events function imports the chunks in the background (a 10,000-row file takes longer
   * than a request may). Bad files and mappings are refused before anything is written.
   */
  async start(actor: Actor, input: LeadImportCreate): Promise<LeadImport> {
    enforce(leadImportPolicy.use(actor), 'Lead import');
    const { columns, rows } = await readCsv(input.csv);
    if (rows.length === 0) throw emptyFile();
    const checked = checkMapping(columns, input.mapping);
    if ('problem' in checked) throw new ValidationError(checked.problem.message, checked.problem.details, checked.problem.code);
    if (rows.length > IMPORT_LIMITS.maxRows) {
      throw new ValidationError(`A file may hold at most ${IMPORT_LIMITS.maxRows} rows; this one has ${rows.length}. Split it and import the parts.`, [{ rows: rows.length, maxRows: IMPORT_LIMITS.maxRows }], 'too_many_rows');
    }
    const fields = checked.columns.map((c) => c.field);
    const fieldAt = new Map(checked.columns.map((c) => [c.index, c.field]));
    const chunks = chunkRows(rows.map(({ row, cells }): ChunkRow => [row, ...checked.columns.map((c) => cells[c.index] ?? '')]));
    const at = nowIso();
    const job: LeadImportRow = {
      importId: newId(),
      fileName: input.fileName,
      mapping: JSON.stringify(columnRecord(columns.map((column, index) => [column, fieldAt.get(index) ?? null]))),
      status: 'queued',
      totalRows: rows.length,
      chunkCount: chunks.length,
      processedRows: 0,
      createdRows: 0,
      updatedRows: 0,
      failedRows: 0,
      errorCount: 0,
      errors: [],
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    };
    // The job first: a chunk's work starts as soon as the chunk is stored, and counts into the job.
    await leadImportRepository.create(job);
    try {
      await mapLimited(chunks, CHUNK_PUTS_AT_ONCE, (chunk, i) =>
        leadImportRepository.putChunk({ importId: job.importId, chunkNo: i + 1, fields, rows: JSON.stringify(chunk), rowCount: chunk.length, firstRow: chunk[0]![0], lastRow: chunk.at(-1)![0] }),
      );
    } catch (error) {
      // Some rows are not stored: the job could never complete, so it fails visibly (its stored chunks are skipped).
      await leadImportRepository.markFailed(job.importId, { row: 0, code: 'upload_failed', message: 'The rows could not all be stored. Import the file again.' }).catch(() => undefined);
      throw error;
    }
    // Every chunk was just stored pending: the answer need not read them back.
    return toLeadImport(job, [], 'queued');
  },

  async list(actor: Actor, page: PageInput): Promise<Page<LeadImport>> {
    enforce(leadImportPolicy.use(actor), 'Lead import');
    const rows = await leadImportRepository.list({ ...page, callerId: actor.userId, list: 'lead-imports' });
    return { items: await mapLimited(rows.items, CHUNK_READS_AT_ONCE, withChunks), nextCursor: rows.nextCursor };
  },

  async get(actor: Actor, importId: string): Promise<LeadImport> {
    enforce(leadImportPolicy.use(actor), 'Lead import');
    const row = await leadImportRepository.get(importId);
    if (!row) throw new NotFoundError('Lead import');
    return withChunks(row);
  },

  /**
   * Work a failed chunk again (a person's retry, after the cause was dealt with): it is pending
   * again with fresh attempts, and the table stream hands it to the events function at once.
   */
  async retryChunk(actor: Actor, importId: string, chunkNo: number): Promise<LeadImport> {
    enforce(leadImportPolicy.use(actor), 'Lead import');
    const row = await leadImportRepository.get(importId);
    if (!row || !(await leadImportRepository.chunk(importId, chunkNo))) throw new NotFoundError(row ? 'Lead import chunk' : 'Lead import');
    if (!(await retryUnit(() => leadImportRepository.chunkPatch(importId, chunkNo)))) {
      throw new ConflictError('chunk_not_failed', `Chunk ${chunkNo} has not failed: only failed chunks can be retried.`);
    }
    return withChunks(row);
  },
};
