import { InvoiceCreatedSchema, OrderPatchSchema, OrderSchema } from '../../../../shared/modules/commerce/schemas/order.schema';
import { SalesListQuerySchema } from '../../../../shared/modules/commerce/schemas/quote.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { orderService } from '../../../../shared/modules/commerce/services/order.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

export const orderRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/orders', tags: ['Orders'], summary: 'Sales orders, newest first', request: { query: PageQuerySchema.extend(SalesListQuerySchema.shape) }, responses: { 200: json(pageOf(OrderSchema)) } }),
    async (c) => {
      const { limit, cursor, accountId } = c.req.valid('query');
      return c.json(await orderService.list(requireCaller(c).actor, { limit, cursor }, accountId), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/orders/{id}', tags: ['Orders'], summary: 'One sales order', request: { params: IdParamSchema }, responses: { 200: json(OrderSchema) } }),
    async (c) => c.json(await orderService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/orders/{id}', tags: ['Orders'], summary: 'Move the order to another status (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(OrderPatchSchema) }, responses: { 200: json(OrderSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await orderService.setStatus(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body.status), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/orders/{id}/invoice', tags: ['Orders'], summary: "Issue the order's invoice (one per order, due in 30 days)", request: { params: IdParamSchema, headers: IdempotencyHeaderSchema }, responses: { 201: json(InvoiceCreatedSchema, 'Created') } }),
    async (c) => c.json(await orderService.invoice(requireCaller(c).actor, c.req.valid('param').id), 201),
  );
