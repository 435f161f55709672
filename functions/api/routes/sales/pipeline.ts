import { z } from '@hono/zod-openapi';
import { PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { BoardColumnSchema, BoardSchema, ForecastSchema, StageListSchema, StagesReplaceSchema } from '../../../../shared/modules/sales/schemas/opportunity.schema';
import { opportunityService } from '../../../../shared/modules/sales/services/opportunity.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, json, jsonBody, router } from '../route-kit';

const BoardQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ param: { name: 'limit', in: 'query' }, description: 'Cards per column' }),
});
const StageParamSchema = z.object({ stageId: z.string().min(1).max(40).openapi({ param: { name: 'stageId', in: 'path' } }) });
const ForecastQuerySchema = z.object({
  ownerId: z.string().min(1).max(64).optional().openapi({ param: { name: 'ownerId', in: 'query' } }),
  everyone: z.enum(['true', 'false']).optional().openapi({ param: { name: 'everyone', in: 'query' }, description: '`true`: every rep’s open opportunities (ownerId is then left out)' }),
});

export const pipelineRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/pipeline/stages', tags: ['Pipeline'], summary: 'The pipeline stages in order', responses: { 200: json(StageListSchema) } }),
    async (c) => c.json(await opportunityService.stages(requireCaller(c).actor), 200),
  )
  .openapi(
    defineRoute({ method: 'put', path: '/pipeline/stages', tags: ['Pipeline'], summary: 'Replace the stage list (admin; exactly one won and one lost stage)', request: { body: jsonBody(StagesReplaceSchema) }, responses: { 200: json(StageListSchema) } }),
    async (c) => c.json(await opportunityService.replaceStages(requireCaller(c).actor, c.req.valid('json').stages), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/pipeline/board', tags: ['Pipeline'], summary: 'The kanban: each open stage with its first cards, cursor and running totals', request: { query: BoardQuerySchema }, responses: { 200: json(BoardSchema) } }),
    async (c) => c.json(await opportunityService.board(requireCaller(c).actor, c.req.valid('query').limit), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/pipeline/board/{stageId}', tags: ['Pipeline'], summary: 'More cards of one column', request: { params: StageParamSchema, query: PageQuerySchema }, responses: { 200: json(BoardColumnSchema) } }),
    async (c) => c.json(await opportunityService.column(requireCaller(c).actor, c.req.valid('param').stageId, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/pipeline/forecast', tags: ['Pipeline'], summary: 'Open opportunities of a rep (the caller by default), or of everyone, by expected close month and stage', request: { query: ForecastQuerySchema }, responses: { 200: json(ForecastSchema) } }),
    async (c) => {
      const { ownerId, everyone } = c.req.valid('query');
      return c.json(await opportunityService.forecast(requireCaller(c).actor, everyone === 'true' ? 'everyone' : ownerId), 200);
    },
  );
