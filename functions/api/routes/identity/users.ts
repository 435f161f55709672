import { AdminUserSchema, UserCreateSchema, UserListQuerySchema, UserPatchSchema } from '../../../../shared/modules/identity/schemas/auth.schema';
import { IdParamSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { SignInListSchema } from '../../../../shared/modules/identity/schemas/sign-in.schema';
import { userAdminService } from '../../../../shared/modules/identity/services/user-admin.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

export const userRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/users', tags: ['Users'], summary: 'List logins (admin)', request: { query: PageQuerySchema.extend(UserListQuerySchema.shape) }, responses: { 200: json(pageOf(AdminUserSchema)) } }),
    async (c) => {
      const { limit, cursor, audience } = c.req.valid('query');
      return c.json(await userAdminService.list(requireCaller(c).actor, { limit, cursor }, audience), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/users', tags: ['Users'], summary: 'Create a staff login (admin)', request: { body: jsonBody(UserCreateSchema) }, responses: { 201: json(AdminUserSchema, 'Created') } }),
    async (c) => c.json(await userAdminService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  // Before /users/{id}, which would take `sign-ins` for an id.
  .openapi(
    defineRoute({ method: 'get', path: '/users/sign-ins', tags: ['Users'], summary: 'The 10 latest sign-ins to any portal, newest first, from the last month (admin)', responses: { 200: json(SignInListSchema) } }),
    async (c) => c.json({ items: await userAdminService.recentSignIns(requireCaller(c).actor) }, 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/users/{id}', tags: ['Users'], summary: 'One login (admin)', request: { params: IdParamSchema }, responses: { 200: json(AdminUserSchema) } }),
    async (c) => c.json(await userAdminService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/users/{id}', tags: ['Users'], summary: 'Change roles, name, or disable (admin)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(UserPatchSchema) }, responses: { 200: json(AdminUserSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      const caller = requireCaller(c);
      return c.json(await userAdminService.update(caller.actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  );
