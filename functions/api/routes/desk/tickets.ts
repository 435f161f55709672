import { CsatCreateSchema, TicketCreateSchema, TicketListQuerySchema, TicketMessageCreateSchema, TicketMessageSchema, TicketPatchSchema, TicketSchema } from '../../../../shared/modules/desk/schemas/ticket.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { ticketConversationService } from '../../../../shared/modules/desk/services/conversation.service';
import { ticketIntakeService } from '../../../../shared/modules/desk/services/intake.service';
import { ticketQueueService } from '../../../../shared/modules/desk/services/queue.service';
import { AttachmentDownloadSchema, AttachmentParamSchema, AttachmentRedirectHeadersSchema, AttachmentUploadCreateSchema, AttachmentUploadSchema } from '../../../../shared/modules/desk/schemas/ticket-attachment.schema';
import { ticketAttachmentService } from '../../../../shared/modules/desk/services/ticket-attachment.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

const tags = ['Service desk'];

export const ticketRoutes = router()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/tickets',
      tags,
      summary: 'Tickets. Staff: a work queue (`open` by default: oldest first; `mine`, `unassigned`; `breaching`: next SLA deadline within 60 minutes or past, soonest first) or `accountId` (newest first). A customer: its own tickets, and all of an account\'s where its link role is primary or billing',
      request: { query: PageQuerySchema.extend(TicketListQuerySchema.shape) },
      responses: { 200: json(pageOf(TicketSchema)) },
    }),
    async (c) => {
      const { limit, cursor, queue, accountId } = c.req.valid('query');
      return c.json(await ticketQueueService.list(requireCaller(c).actor, { limit, cursor }, { queue, accountId }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/tickets',
      tags,
      summary: 'Open a ticket: a customer on one of its accounts (channel portal; a staff-only field is 400 field_not_allowed naming it); staff with account and channel (phone: optionally the call activity). Assigned by category and workload; the customer gets a confirmation e-mail',
      request: { headers: IdempotencyHeaderSchema, body: jsonBody(TicketCreateSchema) },
      responses: { 201: json(TicketSchema, 'Created') },
    }),
    async (c) => c.json(await ticketIntakeService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/tickets/{id}', tags, summary: 'One ticket', request: { params: IdParamSchema }, responses: { 200: json(TicketSchema) } }),
    async (c) => c.json(await ticketQueueService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/tickets/{id}',
      tags,
      summary: 'Change a ticket (If-Match: version). Service staff: priority, severity, category, status, assignee, team; a customer: only `{status: "closed"}`. Pending pauses the SLA clock; resolving e-mails the customer a rating link',
      request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(TicketPatchSchema) },
      responses: { 200: json(TicketSchema) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await ticketConversationService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/tickets/{id}/messages', tags, summary: 'The conversation, oldest first (customers see public messages only)', request: { params: IdParamSchema, query: PageQuerySchema }, responses: { 200: json(pageOf(TicketMessageSchema)) } }),
    async (c) => c.json(await ticketConversationService.messages(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/tickets/{id}/messages',
      tags,
      summary: 'Post a plain-text message. Staff: `visibility` public (e-mailed to the customer; the first one answers the SLA first response) or internal; customers: public only (reopens a pending or resolved ticket)',
      request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(TicketMessageCreateSchema) },
      responses: { 201: json(TicketMessageSchema, 'Created') },
    }),
    async (c) => c.json(await ticketConversationService.postMessage(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/tickets/{id}/csat',
      tags,
      summary: 'Rate a resolved ticket 1–5 (its customer, once: 409 csat_already_given; before resolution 422 ticket_not_resolved)',
      request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(CsatCreateSchema) },
      responses: { 201: json(TicketSchema, 'Rated') },
    }),
    async (c) => c.json(await ticketConversationService.rate(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/tickets/{id}/attachments',
      tags,
      summary: 'Announce a file for the ticket and get a presigned S3 PUT (five minutes) bound to its size and type; after the upload, reference `attachmentId` in POST /tickets/{id}/messages. At most 10 MB (else 413 attachment_too_large); png, jpeg, gif, webp, pdf, plain text, csv, docx, xlsx or zip (else 415 attachment_type_not_allowed)',
      request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(AttachmentUploadCreateSchema) },
      responses: { 201: json(AttachmentUploadSchema, 'Created') },
    }),
    async (c) => c.json(await ticketAttachmentService.createUpload(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/tickets/{id}/attachments/{attachmentId}',
      tags,
      summary: 'Download a file: 302 to a presigned S3 GET (five minutes, saved under its name), the URL also in the body. Reached exactly like its ticket; a customer never reaches a file of an internal note (404)',
      request: { params: AttachmentParamSchema },
      responses: { 302: { ...json(AttachmentDownloadSchema, 'Redirect to the file'), headers: AttachmentRedirectHeadersSchema } },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const download = await ticketAttachmentService.download(requireCaller(c).actor, id, attachmentId);
      c.header('location', download.url);
      c.header('cache-control', 'private, no-store');
      return c.json(download, 302);
    },
  );
