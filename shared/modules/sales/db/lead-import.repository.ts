import type { Page } from '../../../platform/page';
import type { ChunkRow } from '../domain/lead-import';
import { epochSeconds, nowIso } from '../../../platform/clock';
import { op } from '../../../platform/db/transaction';
import { type Claim, completeUnit, dueUnits, newWork, type WorkPatch, type WorkState } from '../../../platform/work/work-unit';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { LeadImportChunkEntity, type LeadImportChunkRow } from './lead-import-chunk.entity';
import { LeadImportEntity, type ImportRowError, type LeadImportRow } from './lead-import.entity';

const PROGRESS_ATTRIBUTES = ['chunkNo', 'firstRow', 'lastRow', 'rowCount', 'workState', 'workAttempts', 'workError'] as const;
/** A chunk's place in its file and its work state, without its rows: what an import's progress shows. */
export type ChunkProgressRow = Pick<LeadImportChunkRow, (typeof PROGRESS_ATTRIBUTES)[number]>;

/** What an import stores of a new chunk; its dates and work state come with the put. */
export type NewChunk = Pick<LeadImportChunkRow, 'importId' | 'chunkNo' | 'fields' | 'rows' | 'rowCount' | 'firstRow' | 'lastRow'>;

/** What one chunk's work adds to its job. */
export type ChunkOutcome = { processed: number; created: number; updated: number; failed: number; errorCount: number; errors: ImportRowError[] };

/** Chunks go a week after the import: done ones are history, failed ones have had their time to be retried. */
const CHUNK_TTL_SECONDS = 7 * 24 * 60 * 60;

/** What a counted chunk keeps of its rows: nothing (its leads exist), yet still what an import stores. */
const NO_ROWS = '[]';

/** The update of one chunk's work state. */
const chunkPatch = (importId: string, chunkNo: number): WorkPatch => LeadImportChunkEntity().patch({ importId, chunkNo });

export const leadImportRepository = {
  async create(row: LeadImportRow): Promise<void> {
    await LeadImportEntity().create(row).go();
  },

  /** Store one chunk of rows, a new unit of work: its insert on the table stream starts the work on it. */
  async putChunk(chunk: NewChunk): Promise<void> {
    const now = nowIso();
    await LeadImportChunkEntity().create({ ...chunk, createdAt: now, expiresAt: epochSeconds() + CHUNK_TTL_SECONDS, ...newWork(now) }).go();
  },

  /**
   * Migration: chunks stored before chunks were units of work were deleted when counted, so each
   * one left is unfinished work; it becomes a pending unit, due at once for the sweep.
   */
  async trackUntrackedChunks(): Promise<number> {
    const { data } = await LeadImportChunkEntity().scan.where((attr, { notExists }) => notExists(attr.workState))
      .go({ pages: 'all' });
    const now = nowIso();
    for (const chunk of data) {
      const rows = JSON.parse(chunk.rows) as ChunkRow[];
      const [firstRow, lastRow] = [rows[0]?.[0] ?? 0, rows.at(-1)?.[0] ?? 0];
      await LeadImportChunkEntity().put({ ...chunk, firstRow, lastRow, ...newWork(now), workDueAt: now }).go();
    }
    return data.length;
  },

  async get(importId: string): Promise<LeadImportRow | undefined> {
    const { data } = await LeadImportEntity().get({ importId }).go({ consistent: true });
    return data ?? undefined;
  },

  /** One chunk's progress, without its rows. */
  async chunk(importId: string, chunkNo: number): Promise<ChunkProgressRow | undefined> {
    const { data } = await LeadImportChunkEntity().get({ importId, chunkNo }).go({ consistent: true, attributes: PROGRESS_ATTRIBUTES });
    return data ?? undefined;
  },

  /** Every chunk of an import still stored, in file order, without their rows (one query: they share the import's partition). */
  async chunks(importId: string): Promise<ChunkProgressRow[]> {
    const { data } = await LeadImportChunkEntity().query.byImport({ importId }).go({ consistent: true, pages: 'all', attributes: PROGRESS_ATTRIBUTES });
    // The sort key holds the number as text ("10" before "2").
    return data.sort((a, b) => a.chunkNo - b.chunkNo);
  },

  chunkPatch,

  /** A chunk as the table stream or the sweep hands it over (a stored item), or undefined when it is none. */
  chunkOf(item: Record<string, unknown>): LeadImportChunkRow | undefined {
    return LeadImportChunkEntity().parse({ Item: item }).data ?? undefined;
  },

  /** Chunks in `state` due by `now` (see shared/platform/work/work-unit.ts), as stored: what the stream hands over too. */
  dueChunks(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(LeadImportChunkEntity().query.workDue({ workState: state }), now, limit);
  },

  /** Newest first. */
  list(request: PageRequest): Promise<Page<LeadImportRow>> {
    return queryPage(request, (options) => LeadImportEntity().query.byCreated({}).go({ ...options, order: 'desc' }), (row) => row);
  },

  /**
   * The transaction items that count a chunk's rows into its job and finish the chunk (done, its
   * rows dropped). Finishing is conditional on `claim` still holding, so rows are counted once:
   * a worker whose lease was taken over, or a replay of a finished chunk, fails the transaction
   * at index 0 and counts nothing.
   */
  chunkDoneOperations(importId: string, chunkNo: number, outcome: ChunkOutcome, claim: Claim) {
    const update = LeadImportEntity().patch({ importId })
      .add({ processedRows: outcome.processed, createdRows: outcome.created, updatedRows: outcome.updated, failedRows: outcome.failed, errorCount: outcome.errorCount })
      .set({ updatedAt: nowIso() });
    return [
      op.update(completeUnit(() => chunkPatch(importId, chunkNo), claim, { rows: NO_ROWS }).params()),
      op.update((outcome.errors.length > 0 ? update.append({ errors: outcome.errors }) : update).params()),
    ];
  },

  /** Finish a chunk without counting it (its import failed, so nothing of it is imported). */
  async finishChunkUncounted(importId: string, chunkNo: number, claim: Claim): Promise<void> {
    await completeUnit(() => chunkPatch(importId, chunkNo), claim, { rows: NO_ROWS }).go();
  },

  /** Give up on a job whose rows cannot all be stored; the error says why. */
  async markFailed(importId: string, error: ImportRowError): Promise<void> {
    await LeadImportEntity().patch({ importId })
      .set({ status: 'failed', updatedAt: nowIso() })
      .add({ errorCount: 1 })
      .append({ errors: [error] })
      .go({ response: 'none' });
  },
};
