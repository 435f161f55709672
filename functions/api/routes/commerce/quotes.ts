import { z } from '@hono/zod-openapi';
import { OrderCreatedSchema, QuoteCreateSchema, QuotePatchSchema, QuoteSchema, SalesListQuerySchema } from '../../../../shared/modules/commerce/schemas/quote.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { LOCALES } from '../../../../shared/platform/locale';
import { quoteService } from '../../../../shared/modules/commerce/services/quote.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

/** `?lang=` of a PDF: the language to print in, when not the caller's own (staff printing for a customer who reads the other one). */
export const PdfQuerySchema = z.object({ lang: z.enum(LOCALES).optional().openapi({ description: "Language of the document's words, dates and figures; default: the caller's" }) });

/** A PDF answer for the OpenAPI document. */
export const pdfResponse = { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } };

/** The PDF bytes as an attachment-ready answer. */
export function pdfAnswer(file: { bytes: Uint8Array; filename: string }): Response {
  // pdf-lib types its bytes over ArrayBufferLike, which BodyInit refuses; they are a plain ArrayBuffer's.
  return new Response(file.bytes as unknown as ConstructorParameters<typeof Response>[0], {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${file.filename}"`, 'cache-control': 'private, no-store' },
  });
}

export const quoteRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/quotes', tags: ['Quotes'], summary: 'Quotes, newest first (a customer sees its accounts\' quotes only)', request: { query: PageQuerySchema.extend(SalesListQuerySchema.shape) }, responses: { 200: json(pageOf(QuoteSchema)) } }),
    async (c) => {
      const { limit, cursor, accountId } = c.req.valid('query');
      return c.json(await quoteService.list(requireCaller(c).actor, { limit, cursor }, accountId), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/quotes', tags: ['Quotes'], summary: 'Create a draft quote with its lines', request: { headers: IdempotencyHeaderSchema, body: jsonBody(QuoteCreateSchema) }, responses: { 201: json(QuoteSchema, 'Created') } }),
    async (c) => c.json(await quoteService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/quotes/{id}', tags: ['Quotes'], summary: 'One quote', request: { params: IdParamSchema }, responses: { 200: json(QuoteSchema) } }),
    async (c) => c.json(await quoteService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/quotes/{id}', tags: ['Quotes'], summary: 'Change a quote (lines only while draft; If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(QuotePatchSchema) }, responses: { 200: json(QuoteSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await quoteService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/quotes/{id}/send', tags: ['Quotes'], summary: 'Send the quote: status sent, e-mail to the primary contacts with a customer-portal link', request: { params: IdParamSchema, headers: IdempotencyHeaderSchema }, responses: { 200: json(QuoteSchema) } }),
    async (c) => c.json(await quoteService.send(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/quotes/{id}/accept', tags: ['Quotes'], summary: 'Accept a sent quote (a customer contact of its account)', request: { params: IdParamSchema, headers: IdempotencyHeaderSchema }, responses: { 200: json(QuoteSchema) } }),
    async (c) => c.json(await quoteService.accept(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/quotes/{id}/confirm', tags: ['Quotes'], summary: 'Confirm the sale of a draft, sent or accepted quote (sending is optional): one sales order, the opportunity won. 422 quote_empty without lines, quote_not_confirmable when cancelled; 409 quote_already_confirmed the second time', request: { params: IdParamSchema, headers: IdempotencyHeaderSchema }, responses: { 201: json(OrderCreatedSchema, 'Created') } }),
    async (c) => c.json(await quoteService.confirm(requireCaller(c).actor, c.req.valid('param').id), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/quotes/{id}/pdf', tags: ['Quotes'], summary: 'The quote as a PDF, in the language the caller chose for their screens or in `lang`', request: { params: IdParamSchema, query: PdfQuerySchema }, responses: { 200: pdfResponse } }),
    async (c) => {
      const caller = requireCaller(c);
      return pdfAnswer(await quoteService.pdf(caller.actor, c.req.valid('param').id, c.req.valid('query').lang ?? caller.user.locale));
    },
  );
