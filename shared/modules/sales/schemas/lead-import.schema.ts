import { z } from '@hono/zod-openapi';
import { columnRecord, IMPORT_FIELDS, IMPORT_LIMITS, LEAD_IMPORT_STATUSES, type ImportField } from '../domain/lead-import';
import { text } from '../../../platform/schemas/common.schema';

export const LeadImportFieldSchema = z.enum(IMPORT_FIELDS).openapi('LeadImportField');

const column = z.string().max(200);
const target = LeadImportFieldSchema.nullable();
const pair = z.tuple([column, target]);

/**
 * Column → lead field (or null), read key by key into a record without a prototype. Not
 * z.record: it skips a key named "__proto__" and builds a plain object, in which a column
 * named "valueOf" or "constructor" that the mapping leaves out reads Object.prototype's method.
 */
const mapping = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'Expected an object of column → field' })
  .transform((value, ctx): Record<string, ImportField | null> => {
    const entries: [string, ImportField | null][] = [];
    for (const entry of Object.entries(value)) {
      const parsed = pair.safeParse(entry);
      if (parsed.success) entries.push(parsed.data);
      else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [entry[0]] });
    }
    return columnRecord(entries);
  })
  .openapi({ type: 'object', additionalProperties: { anyOf: [{ $ref: '#/components/schemas/LeadImportField' }, { type: 'null' }] } });

export const LeadImportPreviewRequestSchema = z
  .object({ csv: z.string().max(IMPORT_LIMITS.previewBytes).openapi({ description: 'The start of the file (the first ~64 KB is enough): header and a few rows' }) })
  .strict()
  .openapi('LeadImportPreviewRequest');

export const LeadImportPreviewSchema = z
  .object({
    columns: z.array(z.string()).openapi({ description: 'Column names from the header row (blank ones named by position, repeated ones numbered)' }),
    sampleRows: z.array(z.array(z.string())).openapi({ description: `Up to ${IMPORT_LIMITS.sampleRows} data rows, one cell per column` }),
    suggestedMapping: mapping.openapi({ description: 'Column → lead field suggested by the header names (English or Indonesian), or null' }),
    fields: z.array(z.object({ field: LeadImportFieldSchema, required: z.boolean() })).openapi({ description: 'The lead fields a column can fill; required ones must be mapped' }),
  })
  .openapi('LeadImportPreview');
export type LeadImportPreview = z.infer<typeof LeadImportPreviewSchema>;

export const LeadImportCreateSchema = z
  .object({
    fileName: text(200),
    csv: z.string().max(IMPORT_LIMITS.maxBytes).openapi({ description: `The whole CSV file (comma, semicolon or tab separated; UTF-8, BOM allowed), at most ${IMPORT_LIMITS.maxRows} data rows` }),
    mapping: mapping.openapi({ description: 'Column → lead field (null: not imported). email and contactName must be mapped' }),
  })
  .strict()
  .openapi('LeadImportCreate');
export type LeadImportCreate = z.infer<typeof LeadImportCreateSchema>;

export const LeadImportRowErrorSchema = z
  .object({
    row: z.number().int().openapi({ description: "The row's number in the file, the header being row 1 (0: the whole import)" }),
    field: LeadImportFieldSchema.optional(),
    code: z.string().openapi({ example: 'invalid_email' }),
    message: z.string(),
    maxLength: z.number().int().optional().openapi({ description: 'too_long: the most characters the field takes' }),
    value: z.string().optional().openapi({ description: 'invalid_source: the cell as the file has it (its first 40 characters)' }),
  })
  .openapi('LeadImportRowError');

export const LeadImportFailedChunkSchema = z
  .object({
    chunkNo: z.number().int().openapi({ description: "The chunk's number (1 for the first rows of the file), as the retry route names it" }),
    firstRow: z.number().int().openapi({ description: 'Row number of its first row in the file (the header being row 1)' }),
    lastRow: z.number().int(),
    rowCount: z.number().int().openapi({ description: 'Its rows, none of them imported or counted yet' }),
    attempts: z.number().int().openapi({ description: 'How often it was tried' }),
    reason: z.string().openapi({ description: 'Why the last attempt failed, as the background worker recorded it', example: 'unreadable_rows: the 500 stored rows of this chunk cannot be read' }),
  })
  .openapi('LeadImportFailedChunk');

export const LeadImportSchema = z
  .object({
    id: z.string(),
    status: z.enum(LEAD_IMPORT_STATUSES).openapi({
      description:
        'queued: no chunk worked yet · processing: chunks still to work (after a restart the background worker takes up what was left within a few minutes) · ' +
        'completed: every row counted · incomplete: nothing left to work, yet rows not counted: those of failedChunks, imported once a chunk is retried · failed: the rows could not all be stored; nothing is imported',
    }),
    fileName: z.string(),
    mapping,
    totalRows: z.number().int(),
    chunkCount: z.number().int().openapi({ description: `Chunks the rows were cut into (at most ${IMPORT_LIMITS.chunkRows} rows each), worked one by one in the background` }),
    processedRows: z.number().int().openapi({ description: 'Rows counted so far: imported (created, updated) or refused (failed); the other totalRows - processedRows are still to come or in failedChunks' }),
    createdRows: z.number().int(),
    updatedRows: z.number().int(),
    failedRows: z.number().int(),
    errorCount: z.number().int().openapi({ description: `Row errors found; the first ${IMPORT_LIMITS.keptErrors} are listed in errors` }),
    errors: z.array(LeadImportRowErrorSchema),
    failedChunks: z.array(LeadImportFailedChunkSchema).openapi({ description: 'Chunks the background worker gave up on (after repeated failures, or at once when retrying cannot help), in file order' }),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    completedAt: z.string().optional().openapi({ description: 'When the last row was counted (completed imports only)' }),
  })
  .openapi('LeadImport');
export type LeadImport = z.infer<typeof LeadImportSchema>;
