import { z } from '@hono/zod-openapi';
import {
  AccountContactRoleSchema,
  AccountContactSchema,
  AccountCreateSchema,
  AccountListQuerySchema,
  AccountPatchSchema,
  AccountSchema,
  NoteCreateSchema,
  TimelineItemSchema,
} from '../../../../shared/modules/crm/schemas/account.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { accountService } from '../../../../shared/modules/crm/services/account.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

const LinkParamSchema = IdParamSchema.extend({ contactId: z.string().min(1).max(64).openapi({ param: { name: 'contactId', in: 'path' } }) });

export const accountRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/accounts', tags: ['Accounts'], summary: 'List accounts by name (q = name prefix)', request: { query: PageQuerySchema.extend(AccountListQuerySchema.shape) }, responses: { 200: json(pageOf(AccountSchema)) } }),
    async (c) => {
      const { limit, cursor, q } = c.req.valid('query');
      return c.json(await accountService.list(requireCaller(c).actor, { limit, cursor }, q || undefined), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/accounts', tags: ['Accounts'], summary: 'Create an account', request: { headers: IdempotencyHeaderSchema, body: jsonBody(AccountCreateSchema) }, responses: { 201: json(AccountSchema, 'Created') } }),
    async (c) => c.json(await accountService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/accounts/{id}', tags: ['Accounts'], summary: 'One account', request: { params: IdParamSchema }, responses: { 200: json(AccountSchema) } }),
    async (c) => c.json(await accountService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/accounts/{id}', tags: ['Accounts'], summary: 'Change an account (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(AccountPatchSchema) }, responses: { 200: json(AccountSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await accountService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'delete', path: '/accounts/{id}', tags: ['Accounts'], summary: 'Delete an account and its contact links (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema }, responses: { 204: { description: 'Deleted' } } }),
    async (c) => {
      await accountService.remove(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/accounts/{id}/contacts', tags: ['Accounts'], summary: "The account's contacts with their roles", request: { params: IdParamSchema, query: PageQuerySchema }, responses: { 200: json(pageOf(AccountContactSchema)) } }),
    async (c) => c.json(await accountService.contacts(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'put', path: '/accounts/{id}/contacts/{contactId}', tags: ['Accounts'], summary: 'Link a contact in a role (or change the role)', request: { params: LinkParamSchema, body: jsonBody(AccountContactRoleSchema) }, responses: { 200: json(AccountContactSchema) } }),
    async (c) => {
      const { id, contactId } = c.req.valid('param');
      return c.json(await accountService.linkContact(requireCaller(c).actor, id, contactId, c.req.valid('json').role), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'delete', path: '/accounts/{id}/contacts/{contactId}', tags: ['Accounts'], summary: 'Unlink a contact', request: { params: LinkParamSchema }, responses: { 204: { description: 'Unlinked' } } }),
    async (c) => {
      const { id, contactId } = c.req.valid('param');
      await accountService.unlinkContact(requireCaller(c).actor, id, contactId);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/accounts/{id}/timeline', tags: ['Accounts'], summary: 'The 360° timeline, newest first', request: { params: IdParamSchema, query: PageQuerySchema }, responses: { 200: json(pageOf(TimelineItemSchema)) } }),
    async (c) => c.json(await accountService.timeline(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/accounts/{id}/notes', tags: ['Accounts'], summary: 'Add an internal note to the timeline', request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(NoteCreateSchema) }, responses: { 201: json(TimelineItemSchema, 'Created') } }),
    async (c) => c.json(await accountService.addNote(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('json').body), 201),
  );
