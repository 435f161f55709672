import { z } from '@hono/zod-openapi';
import { IMPORT_LIMITS } from '../../../../shared/modules/sales/domain/lead-import';
import { IdParamSchema, IdempotencyHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { LeadImportCreateSchema, LeadImportPreviewRequestSchema, LeadImportPreviewSchema, LeadImportSchema } from '../../../../shared/modules/sales/schemas/lead-import.schema';
import { leadImportService } from '../../../../shared/modules/sales/services/lead-import/lead-import.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, json, jsonBody, router } from '../route-kit';

const ChunkParamSchema = IdParamSchema.extend({ chunkNo: z.coerce.number().int().min(1).max(IMPORT_LIMITS.maxRows).openapi({ param: { name: 'chunkNo', in: 'path' }, example: 3 }) });

export const leadImportRoutes = router()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/lead-imports/preview',
      tags: ['Leads'],
      summary: 'Columns, a few rows and a suggested column → field mapping for the start of a CSV file (English and Indonesian header names)',
      request: { body: jsonBody(LeadImportPreviewRequestSchema) },
      responses: { 200: json(LeadImportPreviewSchema) },
    }),
    async (c) => c.json(await leadImportService.preview(requireCaller(c).actor, c.req.valid('json').csv), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/lead-imports',
      tags: ['Leads'],
      summary:
        'Import leads from a CSV file (≤ 5 MB, ≤ 10,000 rows), upserting by e-mail, in the background: 202 with the queued job, whose counters then show progress. ' +
        '400 mapping_incomplete (email and contactName must be mapped), unknown_column, duplicate_mapping, empty_file, invalid_csv, too_many_rows; 413 when the body is over 5 MB',
      request: { headers: IdempotencyHeaderSchema, body: jsonBody(LeadImportCreateSchema) },
      responses: { 202: json(LeadImportSchema, 'Accepted: the rows are imported in the background') },
    }),
    async (c) => c.json(await leadImportService.start(requireCaller(c).actor, c.req.valid('json')), 202),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/lead-imports', tags: ['Leads'], summary: 'Lead imports, newest first', request: { query: PageQuerySchema }, responses: { 200: json(pageOf(LeadImportSchema)) } }),
    async (c) => c.json(await leadImportService.list(requireCaller(c).actor, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/lead-imports/{id}',
      tags: ['Leads'],
      summary: 'One import: status (queued, processing, completed, incomplete, failed), row counters for a progress bar, row errors, and the chunks that failed',
      request: { params: IdParamSchema },
      responses: { 200: json(LeadImportSchema) },
    }),
    async (c) => c.json(await leadImportService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/lead-imports/{id}/chunks/{chunkNo}/retry',
      tags: ['Leads'],
      summary: 'Work a failed chunk of an import again, in the background: 202 with the import (processing again). 404 for an unknown import or chunk; 409 chunk_not_failed when the chunk has not failed',
      request: { params: ChunkParamSchema },
      responses: { 202: json(LeadImportSchema, 'Accepted: the chunk is worked again in the background') },
    }),
    async (c) => {
      const { id, chunkNo } = c.req.valid('param');
      return c.json(await leadImportService.retryChunk(requireCaller(c).actor, id, chunkNo), 202);
    },
  );
