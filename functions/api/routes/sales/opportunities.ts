import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { LostSchema, OpportunityCreateSchema, OpportunityListQuerySchema, OpportunityPatchSchema, OpportunitySchema, StageChangeSchema, WonSchema } from '../../../../shared/modules/sales/schemas/opportunity.schema';
import { opportunityService } from '../../../../shared/modules/sales/services/opportunity.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, router } from '../route-kit';

const optionalJson = <T extends typeof WonSchema>(schema: T) => ({ required: false, content: { 'application/json': { schema } } });

/** The optional version of a close: If-Match or the body; absent means "as it is now". */
function optionalVersion(header: string | undefined, body: number | undefined, c: Parameters<typeof expectedVersion>[0]): number | undefined {
  return header !== undefined || body !== undefined ? expectedVersion(c, body) : undefined;
}

export const opportunityRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/opportunities', tags: ['Opportunities'], summary: 'List by account (all), owner or stage (open); default: my open opportunities', request: { query: PageQuerySchema.extend(OpportunityListQuerySchema.shape) }, responses: { 200: json(pageOf(OpportunitySchema)) } }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      return c.json(await opportunityService.list(requireCaller(c).actor, filter, { limit, cursor }), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/opportunities', tags: ['Opportunities'], summary: 'Create an opportunity', request: { headers: IdempotencyHeaderSchema, body: { required: true, content: { 'application/json': { schema: OpportunityCreateSchema } } } }, responses: { 201: json(OpportunitySchema, 'Created') } }),
    async (c) => c.json(await opportunityService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/opportunities/{id}', tags: ['Opportunities'], summary: 'One opportunity', request: { params: IdParamSchema }, responses: { 200: json(OpportunitySchema) } }),
    async (c) => c.json(await opportunityService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/opportunities/{id}', tags: ['Opportunities'], summary: 'Change an opportunity or move its card (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: { required: true, content: { 'application/json': { schema: OpportunityPatchSchema } } } }, responses: { 200: json(OpportunitySchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await opportunityService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/opportunities/{id}/history', tags: ['Opportunities'], summary: 'Stage history, oldest first (who, when, from, to)', request: { params: IdParamSchema, query: PageQuerySchema }, responses: { 200: json(pageOf(StageChangeSchema)) } }),
    async (c) => c.json(await opportunityService.history(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/opportunities/{id}/won', tags: ['Opportunities'], summary: 'Close as won (422 when already closed)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: optionalJson(WonSchema) }, responses: { 200: json(OpportunitySchema) } }),
    async (c) => {
      const body = (c.req.valid('json') as { version?: number } | undefined) ?? {};
      const version = optionalVersion(c.req.header('if-match'), body.version, c);
      return c.json(await opportunityService.won(requireCaller(c).actor, c.req.valid('param').id, version), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/opportunities/{id}/lost', tags: ['Opportunities'], summary: 'Close as lost with a reason (422 when already closed)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: { required: true, content: { 'application/json': { schema: LostSchema } } } }, responses: { 200: json(OpportunitySchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      const version = optionalVersion(c.req.header('if-match'), body.version, c);
      return c.json(await opportunityService.lost(requireCaller(c).actor, c.req.valid('param').id, body.reason, version), 200);
    },
  );
