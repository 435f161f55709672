import { z } from '@hono/zod-openapi';
import { EXPORT_SOURCES, EXPORT_STATES } from '../domain/exports';

export const ExportCreateSchema = z
  .object({
    source: z.enum(EXPORT_SOURCES),
    /** The list's own filters, as its list endpoint takes them (leads: `status`, `ownerId`). */
    filter: z.record(z.string(), z.string().max(200)).default({}),
  })
  .strict()
  .openapi('ExportCreate');
export type ExportCreate = z.infer<typeof ExportCreateSchema>;

export const ExportSchema = z
  .object({
    id: z.string(),
    source: z.enum(EXPORT_SOURCES),
    state: z.enum(EXPORT_STATES),
    rows: z.number().int().openapi({ description: 'Rows written so far (all of them once completed)' }),
    fileName: z.string(),
    createdAt: z.string(),
    downloadUrl: z.string().optional().openapi({ description: 'Once completed: a link that downloads the file for the next few minutes (ask again for a fresh one)' }),
  })
  .openapi('Export');
export type Export = z.infer<typeof ExportSchema>;
