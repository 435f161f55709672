import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  ContactSalesSchema,
  DisqualifySchema,
  LeadConvertResultSchema,
  LeadConvertSchema,
  LeadCreateSchema,
  LeadListQuerySchema,
  LeadPatchSchema,
  LeadRepPatchSchema,
  LeadRepSchema,
  LeadRulesDocumentSchema,
  LeadRulesSchema,
  LeadSchema,
} from '../../../../shared/modules/sales/schemas/lead.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { leadService } from '../../../../shared/modules/sales/services/lead.service';
import { leadConversionService } from '../../../../shared/modules/sales/services/lead-conversion.service';
import { leadRulesService } from '../../../../shared/modules/sales/services/lead-rules.service';
import { clientAddress } from '../../middleware/client-address';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

const UserIdParamSchema = z.object({ userId: z.string().min(1).max(64).openapi({ param: { name: 'userId', in: 'path' } }) });

/** Conversion may name the version it expects; without one it is conditional on the version read. */
function optionalVersion(c: Context, bodyVersion?: number): number | undefined {
  return c.req.header('if-match') !== undefined || bodyVersion !== undefined ? expectedVersion(c, bodyVersion) : undefined;
}

export const leadRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/leads', tags: ['Leads'], summary: 'List leads, newest first (filter by status and/or owner)', request: { query: PageQuerySchema.extend(LeadListQuerySchema.shape) }, responses: { 200: json(pageOf(LeadSchema)) } }),
    async (c) => {
      const { limit, cursor, status, ownerId } = c.req.valid('query');
      return c.json(await leadService.list(requireCaller(c).actor, { limit, cursor }, { status, ownerId: ownerId || undefined }), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/leads', tags: ['Leads'], summary: 'Create a lead (scored by the rules; assigned by them when ownerId is left out)', request: { headers: IdempotencyHeaderSchema, body: jsonBody(LeadCreateSchema) }, responses: { 201: json(LeadSchema, 'Created') } }),
    async (c) => c.json(await leadService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/leads/{id}', tags: ['Leads'], summary: 'One lead, with its possible duplicates', request: { params: IdParamSchema }, responses: { 200: json(LeadSchema) } }),
    async (c) => c.json(await leadService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/leads/{id}', tags: ['Leads'], summary: 'Change a lead (If-Match: version); the score is recomputed', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(LeadPatchSchema) }, responses: { 200: json(LeadSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await leadService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/leads/{id}/convert',
      tags: ['Leads'],
      summary: 'Convert to an opportunity, atomically (no accountId = create the account and contact from the lead); 409 lead_already_converted the second time',
      request: { params: IdParamSchema, headers: IfMatchHeaderSchema.extend(IdempotencyHeaderSchema.shape), body: jsonBody(LeadConvertSchema) },
      responses: { 201: json(LeadConvertResultSchema, 'Converted') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await leadConversionService.convert(requireCaller(c).actor, c.req.valid('param').id, body, optionalVersion(c, body.version)), 201);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/leads/{id}/disqualify', tags: ['Leads'], summary: 'Disqualify with a reason (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(DisqualifySchema) }, responses: { 200: json(LeadSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await leadService.disqualify(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body.reason), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/lead-rules', tags: ['Leads'], summary: 'Scoring and assignment rules (the defaults until an admin saves some)', responses: { 200: json(LeadRulesDocumentSchema) } }),
    async (c) => c.json(await leadRulesService.rules(requireCaller(c).actor), 200),
  )
  .openapi(
    defineRoute({ method: 'put', path: '/lead-rules', tags: ['Leads'], summary: 'Replace the scoring and assignment rules (admin)', request: { body: jsonBody(LeadRulesSchema) }, responses: { 200: json(LeadRulesDocumentSchema) } }),
    async (c) => c.json(await leadRulesService.replaceRules(requireCaller(c).actor, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/lead-assignment/reps', tags: ['Leads'], summary: 'Reps named in the assignment rules, with opt-out and workload (open leads, open opportunities)', responses: { 200: json(pageOf(LeadRepSchema)) } }),
    async (c) => c.json({ items: await leadRulesService.reps(requireCaller(c).actor), nextCursor: null }, 200),
  )
  .openapi(
    defineRoute({ method: 'put', path: '/lead-assignment/reps/{userId}', tags: ['Leads'], summary: 'Opt a rep out of (or back into) lead assignment: the rep themself or an admin', request: { params: UserIdParamSchema, body: jsonBody(LeadRepPatchSchema) }, responses: { 200: json(LeadRepSchema) } }),
    async (c) => c.json(await leadRulesService.setRepAvailability(requireCaller(c).actor, c.req.valid('param').userId, c.req.valid('json').optedOut), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/public/contact-sales',
      tags: ['Leads'],
      summary: 'The public "contact sales" form (no sign-in): creates a web lead; rate-limited per IP',
      security: [],
      request: { body: jsonBody(ContactSalesSchema) },
      responses: { 202: json(z.object({ received: z.literal(true) }), 'Received') },
    }),
    async (c) => {
      await leadService.contactSales(c.req.valid('json'), clientAddress(c));
      return c.json({ received: true as const }, 202);
    },
  );
