import type { ImportField, LeadImport, LeadImportPreview } from '../../../api/types';

/**
 * The largest file the import takes: the API's IMPORT_LIMITS.maxBytes, on the CSV and on the
 * request around it. Copied rather than imported, because that module's header word lists would
 * come along into the page (a unit test keeps the two equal).
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** How much of the file the preview sends: enough for the header and the sample rows. */
export const PREVIEW_CHARS = 64 * 1024;

export type Mapping = Record<string, ImportField | null>;

const CSV_NAME = /\.(csv|tsv|txt)$/i;
const CSV_TYPES = new Set(['text/csv', 'text/plain', 'text/tab-separated-values', 'application/csv', 'application/vnd.ms-excel']);

/** Why a chosen file cannot be imported before it is even read, or undefined. */
export function fileProblem(file: Pick<File, 'name' | 'size' | 'type'>): 'notCsv' | 'tooLarge' | 'emptyFile' | undefined {
  if (!CSV_NAME.test(file.name) && !CSV_TYPES.has(file.type)) return 'notCsv';
  if (file.size > MAX_FILE_BYTES) return 'tooLarge';
  if (file.size === 0) return 'emptyFile';
  return undefined;
}

/** A spreadsheet saved in another format (xlsx, ods) holds NUL bytes; CSV text never does. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/**
 * The start of the file for the preview: the first ~64 KB cut after a line break, so the last
 * row sent is whole (a file without a break that early is sent as it is cut; the API drops a
 * row cut short).
 */
export function previewSlice(text: string, limit = PREVIEW_CHARS): string {
  if (text.length <= limit) return text;
  const end = text.lastIndexOf('\n', limit - 1);
  return end > 0 ? text.slice(0, end + 1) : text.slice(0, limit);
}

/** Size in bytes of the UTF-8 text, e.g. of the JSON body an import sends. */
export function utf8Bytes(text: string): number {
  return new Blob([text]).size;
}

/** What keeps a mapping from being imported: required fields without a column, fields chosen for several columns. */
export function mappingProblems(fields: LeadImportPreview['fields'], mapping: Mapping): { missing: ImportField[]; doubled: { field: ImportField; columns: string[] }[] } {
  const columnsOf = new Map<ImportField, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    if (field) columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
  }
  return {
    missing: fields.filter((f) => f.required && !columnsOf.has(f.field)).map((f) => f.field),
    doubled: [...columnsOf].filter(([, columns]) => columns.length > 1).map(([field, columns]) => ({ field, columns })),
  };
}

/** The values of one column in the sample rows, blanks left out. */
export function samplesOf(preview: Pick<LeadImportPreview, 'sampleRows'>, index: number, count = 3): string[] {
  return preview.sampleRows
    .map((row) => (row[index] ?? '').trim())
    .filter((cell) => cell !== '')
    .slice(0, count);
}

/** Statuses after which an import changes only when a person retries a failed chunk: the page stops asking. */
export function isSettled(job: Pick<LeadImport, 'status'>): boolean {
  return job.status === 'completed' || job.status === 'incomplete' || job.status === 'failed';
}

/** The rows of an import not counted yet: in failed chunks (waiting for a retry), and the rest still to come. */
export function rowsLeft(job: Pick<LeadImport, 'totalRows' | 'processedRows' | 'failedChunks'>): { remaining: number; inFailedChunks: number } {
  const inFailedChunks = job.failedChunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  return { remaining: Math.max(0, job.totalRows - job.processedRows - inFailedChunks), inFailedChunks };
}

/**
 * How long an import may show no change before the page says it waits for the background
 * worker: longer than a chunk takes (seconds), shorter than the few minutes the worker may need
 * to take up a chunk left over by a restart.
 */
export const STALL_MS = 20_000;

/** What changes whenever an import moves: two answers with the same mark show no progress between them. */
export function progressMark(job: Pick<LeadImport, 'status' | 'processedRows' | 'failedChunks'>): string {
  return `${job.status}:${job.processedRows}:${job.failedChunks.map((chunk) => chunk.chunkNo).join(',')}`;
}
