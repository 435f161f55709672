import { ExportCreateSchema, ExportSchema } from '../../../../shared/modules/exports/schemas/export.schema';
import { exportService } from '../../../../shared/modules/exports/services/export.service';
import { IdempotencyHeaderSchema, IdParamSchema } from '../../../../shared/platform/schemas/common.schema';
import { requireCaller } from '../../middleware/session';
import { defineRoute, json, jsonBody, router } from '../route-kit';

export const exportRoutes = router()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/exports',
      tags: ['Exports'],
      summary:
        'Export a list as CSV with its filters (leads: `status`, `ownerId`), in the background: 202 with the queued export; ask for it again until `completed`, then download `downloadUrl`. ' +
        'The rows are those the caller may read; cells a spreadsheet would run as formulas are written as text. 400 for a filter the list does not take, 403 for a list the caller may not read',
      request: { headers: IdempotencyHeaderSchema, body: jsonBody(ExportCreateSchema) },
      responses: { 202: json(ExportSchema, 'Accepted: the file is written in the background') },
    }),
    async (c) => {
      const caller = requireCaller(c);
      return c.json(await exportService.start(caller.actor, c.req.valid('json'), caller.user.locale), 202);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/exports/{id}', tags: ['Exports'], summary: 'One of your exports; once completed with a download link valid for a few minutes', request: { params: IdParamSchema }, responses: { 200: json(ExportSchema) } }),
    async (c) => c.json(await exportService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  );
