import type { Page } from '../../schemas/common.schema';
import type { ImportField, LeadImportStatus } from '../../domain/sales/lead-import';
import { epochSeconds, nowIso } from '../../domain/clock';
import { db } from '../service';
import { op } from '../transaction';
import { queryPage, type PageRequest } from './page';

export type ImportRowError = { row: number; field?: ImportField; code: string; message: string };

/** An import job as stored. */
export type LeadImportRow = {
  importId: string;
  fileName: string;
  mapping: string;
  status: LeadImportStatus;
  totalRows: number;
  chunkCount: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  failedRows: number;
  errorCount: number;
  errors: ImportRowError[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
};

/** A chunk of rows as stored (`fields` are import fields, checked when the rows are read). */
export type LeadImportChunkRow = { importId: string; chunkNo: number; fields: string[]; rows: string; rowCount: number; createdAt: string; expiresAt: number };

/** What one chunk's work adds to its job. */
export type ChunkOutcome = { processed: number; created: number; updated: number; failed: number; errorCount: number; errors: ImportRowError[] };

/** Chunks that were never worked (the events function failed on them for good) go after a week. */
const CHUNK_TTL_SECONDS = 7 * 24 * 60 * 60;

export const leadImportRepository = {
  async create(row: LeadImportRow): Promise<void> {
    await db().entities.leadImport.create(row).go();
  },

  /** Store one chunk of rows: its insert on the table stream starts the work on it. */
  async putChunk(chunk: Omit<LeadImportChunkRow, 'createdAt' | 'expiresAt'>): Promise<void> {
    await db().entities.leadImportChunk.create({ ...chunk, createdAt: nowIso(), expiresAt: epochSeconds() + CHUNK_TTL_SECONDS }).go();
  },

  async get(importId: string): Promise<LeadImportRow | undefined> {
    const { data } = await db().entities.leadImport.get({ importId }).go({ consistent: true });
    return (data as LeadImportRow | null) ?? undefined;
  },

  /** Whether a chunk still waits (it is deleted once its rows are counted). */
  async chunkWaiting(importId: string, chunkNo: number): Promise<boolean> {
    const { data } = await db().entities.leadImportChunk.get({ importId, chunkNo }).go({ consistent: true, attributes: ['chunkNo'] });
    return data !== null;
  },

  /** Newest first. */
  list(request: PageRequest): Promise<Page<LeadImportRow>> {
    return queryPage(request, (options) => db().entities.leadImport.query.byCreated({}).go({ ...options, order: 'desc' }), (row) => row as LeadImportRow);
  },

  /** queued → processing, once the first chunk is picked up (a no-op later: the condition fails quietly). */
  async markProcessing(importId: string): Promise<void> {
    await db()
      .entities.leadImport.patch({ importId })
      .set({ status: 'processing', updatedAt: nowIso() })
      .where((attr, { eq }) => eq(attr.status, 'queued'))
      .go({ response: 'none', returnOnConditionCheckFailure: true });
  },

  /**
   * The transaction items that count a chunk's rows into its job and delete the chunk. The
   * delete is conditional on the chunk still being there, so a chunk counted once cannot be
   * counted again: a replay of its stream record fails the transaction at index 0.
   */
  chunkDoneOperations(importId: string, chunkNo: number, outcome: ChunkOutcome) {
    const update = db()
      .entities.leadImport.patch({ importId })
      .add({ processedRows: outcome.processed, createdRows: outcome.created, updatedRows: outcome.updated, failedRows: outcome.failed, errorCount: outcome.errorCount })
      .set({ updatedAt: nowIso() });
    return [
      op.delete(db().entities.leadImportChunk.remove({ importId, chunkNo }).params()),
      op.update((outcome.errors.length > 0 ? update.append({ errors: outcome.errors }) : update).params()),
    ];
  },

  /** processing → completed once every row is counted (a no-op before, and after). */
  async completeIfDone(importId: string): Promise<void> {
    await db()
      .entities.leadImport.patch({ importId })
      .set({ status: 'completed', completedAt: nowIso(), updatedAt: nowIso() })
      .where((attr, { name, ne }) => `${name(attr.processedRows)} >= ${name(attr.totalRows)} AND ${ne(attr.status, 'completed')} AND ${ne(attr.status, 'failed')}`)
      .go({ response: 'none', returnOnConditionCheckFailure: true });
  },

  /** Give up on a job whose rows cannot be stored or read; the error says why. */
  async markFailed(importId: string, error: ImportRowError): Promise<void> {
    await db()
      .entities.leadImport.patch({ importId })
      .set({ status: 'failed', updatedAt: nowIso() })
      .add({ errorCount: 1 })
      .append({ errors: [error] })
      .go({ response: 'none' });
  },
};
