import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { SlaPolicyCreateSchema, SlaPolicyPatchSchema, SlaPolicySchema } from '../../../../shared/modules/desk/schemas/sla-policy.schema';
import { slaPolicyService } from '../../../../shared/modules/desk/services/sla-policy.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

export const slaPolicyRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/sla-policies', tags: ['Service'], summary: 'The SLA policies, lowest rank (the one that wins when several apply) first', request: { query: PageQuerySchema }, responses: { 200: json(pageOf(SlaPolicySchema)) } }),
    async (c) => c.json(await slaPolicyService.list(requireCaller(c).actor, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/sla-policies',
      tags: ['Service'],
      summary: 'Create an SLA policy (service staff and admins): business calendar, targets per priority in business minutes, pause statuses and which tickets it applies to',
      request: { headers: IdempotencyHeaderSchema, body: jsonBody(SlaPolicyCreateSchema) },
      responses: { 201: json(SlaPolicySchema, 'Created') },
    }),
    async (c) => c.json(await slaPolicyService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/sla-policies/{id}', tags: ['Service'], summary: 'One SLA policy', request: { params: IdParamSchema }, responses: { 200: json(SlaPolicySchema) } }),
    async (c) => c.json(await slaPolicyService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/sla-policies/{id}',
      tags: ['Service'],
      summary: 'Change an SLA policy (If-Match: version); nested fields are replaced whole. Running tickets keep the deadlines they have',
      request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(SlaPolicyPatchSchema) },
      responses: { 200: json(SlaPolicySchema) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await slaPolicyService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  );
