import { ActivityCreateSchema, ActivityDoneSchema, ActivityListQuerySchema, ActivityPatchSchema, ActivitySchema, MyDaySchema } from '../../../../shared/modules/sales/schemas/activity.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { activityService } from '../../../../shared/modules/sales/services/activity.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

export const activityRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/activities/my-day', tags: ['Activities'], summary: "The caller's planned work: overdue, today, upcoming (Asia/Jakarta days)", responses: { 200: json(MyDaySchema) } }),
    async (c) => c.json(await activityService.myDay(requireCaller(c).actor), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/activities', tags: ['Activities'], summary: 'Activities of a record (relatedType + relatedId), or of an owner by status (default: mine, planned)', request: { query: PageQuerySchema.extend(ActivityListQuerySchema.shape) }, responses: { 200: json(pageOf(ActivitySchema)) } }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      return c.json(await activityService.list(requireCaller(c).actor, filter, { limit, cursor }), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/activities', tags: ['Activities'], summary: 'Schedule or log an activity', request: { headers: IdempotencyHeaderSchema, body: jsonBody(ActivityCreateSchema) }, responses: { 201: json(ActivitySchema, 'Created') } }),
    async (c) => c.json(await activityService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/activities/{id}', tags: ['Activities'], summary: 'One activity', request: { params: IdParamSchema }, responses: { 200: json(ActivitySchema) } }),
    async (c) => c.json(await activityService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/activities/{id}', tags: ['Activities'], summary: 'Change an activity (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(ActivityPatchSchema) }, responses: { 200: json(ActivitySchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await activityService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/activities/{id}/done', tags: ['Activities'], summary: 'Log as done, with outcome and duration (422 when already done)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(ActivityDoneSchema) }, responses: { 200: json(ActivitySchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      const version = c.req.header('if-match') !== undefined || body.version !== undefined ? expectedVersion(c, body.version) : undefined;
      return c.json(await activityService.done(requireCaller(c).actor, c.req.valid('param').id, body, version), 200);
    },
  );
