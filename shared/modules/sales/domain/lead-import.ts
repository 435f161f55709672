import type { ErrorDetail } from '../../../platform/errors';
import { LEAD_SOURCES, type LeadSource } from './sales-vocabulary';

/**
 * Lead CSV import: which lead fields a column can fill, how header names (English and
 * Indonesian) suggest a mapping, and how the rows are cut into chunks for background work.
 * Pure rules; the CSV is read and the leads are written elsewhere.
 */

/** The lead fields a CSV column can fill. */
export const IMPORT_FIELDS = ['title', 'contactName', 'email', 'companyName', 'phone', 'source', 'memo', 'productInterest', 'territory'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields every import maps: the e-mail is the upsert key, and a lead cannot lack a contact name. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['email', 'contactName'];

/**
 * queued: no chunk worked yet · processing: chunks still to work · completed: every row counted ·
 * incomplete: nothing left to work, yet some chunks failed (a person may retry them) · failed: the
 * rows could not all be stored, so nothing is imported.
 */
export const LEAD_IMPORT_STATUSES = ['queued', 'processing', 'completed', 'incomplete', 'failed'] as const;
export type LeadImportStatus = (typeof LEAD_IMPORT_STATUSES)[number];

/** What an import's status needs of its stored fields. */
export type ImportCounts = { status: LeadImportStatus; processedRows: number; totalRows: number };
/** What an import's status needs of one of its chunks: its work state (see shared/platform/work/work-unit.ts). */
export type ChunkWork = { workState: string; workAttempts: number };

/** The status an import's own fields settle (failed, or every row counted), or undefined when its chunks decide. */
export function settledImportStatus(job: ImportCounts): 'failed' | 'completed' | undefined {
  if (job.status === 'failed') return 'failed';
  if (job.processedRows >= job.totalRows) return 'completed';
  return undefined;
}

/**
 * An import's status, read from its counters and its chunks' work states rather than kept in a
 * field of its own: a status write lost between two others (a worker stopped after counting a
 * chunk) cannot leave it "processing" for ever. Once no chunk is left to work, rows still not
 * counted make it incomplete: in failed chunks, or in chunks already gone (their TTL ran out).
 */
export function importStatus(job: ImportCounts, chunks: readonly ChunkWork[]): LeadImportStatus {
  const settled = settledImportStatus(job);
  if (settled) return settled;
  if (!chunks.some((c) => c.workState === 'pending' || c.workState === 'claimed')) return 'incomplete';
  return job.processedRows > 0 || chunks.some((c) => c.workAttempts > 0) ? 'processing' : 'queued';
}

export const IMPORT_LIMITS = {
  /** Data rows per file (the 10,000). */
  maxRows: 10_000,
  /** The CSV text a file may have: the JSON body around it is capped at the same size. */
  maxBytes: 5 * 1024 * 1024,
  /** What the preview reads: the portal sends the first ~64 KB of the file. */
  previewBytes: 256 * 1024,
  sampleRows: 5,
  /** Rows per chunk item, and the bytes a chunk may hold: far below DynamoDB's 400 KB item limit. */
  chunkRows: 500,
  chunkBytes: 200 * 1024,
  /** A cell longer than any lead field (memo: 5,000) still fails validation when cut here, and bounds a row's size. */
  maxCellChars: 10_000,
  /** Row errors kept on the job (the count covers them all). */
  keptErrors: 200,
} as const;

/** Text reduced for matching: lower case, without accents, punctuation as single spaces. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Header names (normalised) that suggest each field, in English and Indonesian. */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'surel', 'alamat email', 'alamat e mail', 'alamat surel', 'surat elektronik'],
  contactName: ['name', 'nama', 'full name', 'nama lengkap', 'contact', 'contact name', 'contact person', 'kontak', 'nama kontak', 'pic', 'nama pic'],
  companyName: ['company', 'company name', 'perusahaan', 'nama perusahaan', 'organisation', 'organization', 'organisasi', 'instansi', 'account', 'account name', 'business', 'usaha'],
  phone: ['phone', 'phone number', 'telephone', 'telepon', 'telpon', 'telp', 'tel', 'no telp', 'no telepon', 'nomor telepon', 'mobile', 'hp', 'no hp', 'nomor hp', 'handphone', 'ponsel', 'whatsapp', 'wa', 'no wa'],
  source: ['source', 'lead source', 'sumber', 'sumber lead', 'channel', 'kanal'],
  title: ['title', 'lead title', 'judul', 'judul lead', 'subject', 'subjek', 'topic', 'topik'],
  productInterest: ['product', 'products', 'product interest', 'produk', 'minat produk', 'produk diminati', 'interest', 'minat'],
  territory: ['territory', 'wilayah', 'region', 'area', 'daerah', 'kota', 'city', 'provinsi', 'province'],
  memo: ['memo', 'note', 'notes', 'catatan', 'keterangan', 'comment', 'comments', 'komentar', 'description', 'deskripsi', 'message', 'pesan'],
};

const FIELD_BY_HEADER = new Map(Object.entries(HEADER_NAMES).flatMap(([field, names]) => names.map((name) => [name, field as ImportField] as const)));

/**
 * A record keyed by names from a file (column names): without a prototype, so a column named
 * "__proto__", "constructor" or "valueOf" is a key like any other, neither dropped nor read
 * from Object.prototype.
 */
export function columnRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/**
 * The mapping the header names suggest: each column to the field its name says (English or
 * Indonesian), or null. A field goes to the first column that names it.
 */
export function suggestMapping(columns: readonly string[]): Record<string, ImportField | null> {
  const taken = new Set<ImportField>();
  return columnRecord(
    columns.map((column) => {
      const field = FIELD_BY_HEADER.get(normaliseLabel(column)) ?? FIELD_BY_HEADER.get(normaliseLabel(column.replace(/\(.*\)/g, '')));
      const suggested = field && !taken.has(field) ? field : null;
      if (field) taken.add(field);
      return [column, suggested] as const;
    }),
  );
}

/** Column names from a header row: trimmed, a blank one named by its position, repeated ones numbered ("Email (2)"). */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, index) => {
    const base = cell.trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

export type MappedColumn = { field: ImportField; index: number };
export type MappingProblem = { code: 'unknown_column' | 'duplicate_mapping' | 'mapping_incomplete'; message: string; details: ErrorDetail[] };

/**
 * The columns to read for each mapped field, or what is wrong with the mapping. Null maps a
 * column to nothing. Only the mapping's own keys count, whatever its prototype.
 */
export function checkMapping(columns: readonly string[], mapping: Readonly<Record<string, ImportField | null>>): { columns: MappedColumn[] } | { problem: MappingProblem } {
  const chosen = new Map(Object.entries(mapping));
  const unknown = [...chosen.keys()].filter((column) => !columns.includes(column));
  if (unknown.length > 0) {
    return { problem: { code: 'unknown_column', message: 'The mapping names columns the file does not have.', details: unknown.map((column) => ({ column })) } };
  }
  const mapped: MappedColumn[] = [];
  const byField = new Map<ImportField, string[]>();
  columns.forEach((column, index) => {
    const field = chosen.get(column);
    if (!field) return;
    mapped.push({ field, index });
    byField.set(field, [...(byField.get(field) ?? []), column]);
  });
  const doubled = [...byField].filter(([, names]) => names.length > 1);
  if (doubled.length > 0) {
    return { problem: { code: 'duplicate_mapping', message: 'Each field can be filled from one column only.', details: doubled.map(([field, names]) => ({ field, columns: names })) } };
  }
  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => !byField.has(field));
  if (missing.length > 0) {
    return { problem: { code: 'mapping_incomplete', message: `Map a column to ${missing.join(' and ')}.`, details: missing.map((field) => ({ field })) } };
  }
  return { columns: mapped };
}

/** Words a source column may hold, English and Indonesian, for each lead source. */
const SOURCE_WORDS: Record<LeadSource, readonly string[]> = {
  web: ['web', 'website', 'situs', 'situs web', 'online', 'form', 'web form', 'formulir', 'internet'],
  referral: ['referral', 'referensi', 'rujukan', 'rekomendasi'],
  partner: ['partner', 'mitra'],
  event: ['event', 'acara', 'pameran', 'expo', 'exhibition', 'trade show'],
  phone: ['phone', 'telepon', 'telpon', 'telp', 'call', 'cold call'],
  email: ['email', 'e mail', 'surel'],
  import: ['import', 'impor'],
  other: ['other', 'others', 'lainnya', 'lain lain', 'lain'],
};
const SOURCE_BY_WORD = new Map(LEAD_SOURCES.flatMap((source) => SOURCE_WORDS[source].map((word) => [word, source] as const)));

/** The lead source a cell names, or undefined when it names none. */
export function leadSourceOf(cell: string): LeadSource | undefined {
  return SOURCE_BY_WORD.get(normaliseLabel(cell));
}

/** A data row as stored in a chunk: its row number in the file (the header is row 1), then its mapped cells. */
export type ChunkRow = [row: number, ...cells: string[]];

/**
 * Rows cut into chunks of at most `chunkRows` rows and about `chunkBytes` bytes each (a row
 * is never split; cells are cut at `maxCellChars`, so one row stays far below the budget).
 */
export function chunkRows(rows: readonly ChunkRow[], limits: Pick<typeof IMPORT_LIMITS, 'chunkRows' | 'chunkBytes' | 'maxCellChars'> = IMPORT_LIMITS): ChunkRow[][] {
  const encoder = new TextEncoder();
  const chunks: ChunkRow[][] = [];
  let current: ChunkRow[] = [];
  let bytes = 0;
  for (const [row, ...cells] of rows) {
    const stored: ChunkRow = [row, ...cells.map((cell) => cell.slice(0, limits.maxCellChars))];
    const size = encoder.encode(JSON.stringify(stored)).length + 1;
    if (current.length > 0 && (current.length >= limits.chunkRows || bytes + size > limits.chunkBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(stored);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
