import { z } from '@hono/zod-openapi';
import { AccountContactSchema } from '../../../../shared/modules/crm/schemas/account.schema';
import { ContactCreateSchema, ContactListQuerySchema, ContactPatchSchema, ContactSchema } from '../../../../shared/modules/crm/schemas/contact.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { accountService } from '../../../../shared/modules/crm/services/account.service';
import { contactService } from '../../../../shared/modules/crm/services/contact.service';
import { userAdminService } from '../../../../shared/modules/identity/services/user-admin.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

const Accepted = z.object({ status: z.literal('accepted') });

export const contactRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/contacts', tags: ['Contacts'], summary: 'List contacts by last name (q = prefix)', request: { query: PageQuerySchema.extend(ContactListQuerySchema.shape) }, responses: { 200: json(pageOf(ContactSchema)) } }),
    async (c) => {
      const { limit, cursor, q } = c.req.valid('query');
      return c.json(await contactService.list(requireCaller(c).actor, { limit, cursor }, q || undefined), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/contacts', tags: ['Contacts'], summary: 'Create a contact (optionally linked to an account)', request: { headers: IdempotencyHeaderSchema, body: jsonBody(ContactCreateSchema) }, responses: { 201: json(ContactSchema, 'Created') } }),
    async (c) => c.json(await contactService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/contacts/{id}', tags: ['Contacts'], summary: 'One contact', request: { params: IdParamSchema }, responses: { 200: json(ContactSchema) } }),
    async (c) => c.json(await contactService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/contacts/{id}', tags: ['Contacts'], summary: 'Change a contact (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(ContactPatchSchema) }, responses: { 200: json(ContactSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await contactService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'delete', path: '/contacts/{id}', tags: ['Contacts'], summary: 'Delete a contact without a login (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema }, responses: { 204: { description: 'Deleted' } } }),
    async (c) => {
      await contactService.remove(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/contacts/{id}/accounts', tags: ['Contacts'], summary: "The contact's accounts with roles", request: { params: IdParamSchema, query: PageQuerySchema }, responses: { 200: json(pageOf(AccountContactSchema)) } }),
    async (c) => c.json(await accountService.accountsOfContact(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/contacts/{id}/portal-access', tags: ['Contacts'], summary: 'Invite the contact to the customer portal', request: { params: IdParamSchema }, responses: { 202: json(Accepted, 'Invitation sent') } }),
    async (c) => {
      await userAdminService.inviteContact(requireCaller(c).actor, c.req.valid('param').id);
      return c.json({ status: 'accepted' as const }, 202);
    },
  );
