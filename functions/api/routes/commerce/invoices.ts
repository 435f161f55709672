import { InvoiceSchema, PaymentCreateSchema } from '../../../../shared/modules/commerce/schemas/invoice.schema';
import { SalesListQuerySchema } from '../../../../shared/modules/commerce/schemas/quote.schema';
import { IdParamSchema, IdempotencyHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { invoiceService } from '../../../../shared/modules/commerce/services/invoice.service';
import { requireCaller } from '../../middleware/session';
import { pdfAnswer, PdfQuerySchema, pdfResponse } from './quotes';
import { defineRoute, json, jsonBody, router } from '../route-kit';

export const invoiceRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/invoices', tags: ['Invoices'], summary: 'Invoices, newest first', request: { query: PageQuerySchema.extend(SalesListQuerySchema.shape) }, responses: { 200: json(pageOf(InvoiceSchema)) } }),
    async (c) => {
      const { limit, cursor, accountId } = c.req.valid('query');
      return c.json(await invoiceService.list(requireCaller(c).actor, { limit, cursor }, accountId), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/invoices/{id}', tags: ['Invoices'], summary: 'One invoice with its payments', request: { params: IdParamSchema }, responses: { 200: json(InvoiceSchema) } }),
    async (c) => c.json(await invoiceService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/invoices/{id}/payments', tags: ['Invoices'], summary: 'Record a payment (partial too; more than is due answers 422)', request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(PaymentCreateSchema) }, responses: { 201: json(InvoiceSchema, 'Created') } }),
    async (c) => c.json(await invoiceService.recordPayment(requireCaller(c).actor, c.req.valid('param').id, c.req.valid('json').amount), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/invoices/{id}/pdf', tags: ['Invoices'], summary: 'The invoice as a PDF, in the language the caller chose for their screens or in `lang`', request: { params: IdParamSchema, query: PdfQuerySchema }, responses: { 200: pdfResponse } }),
    async (c) => {
      const caller = requireCaller(c);
      return pdfAnswer(await invoiceService.pdf(caller.actor, c.req.valid('param').id, c.req.valid('query').lang ?? caller.user.locale));
    },
  );
