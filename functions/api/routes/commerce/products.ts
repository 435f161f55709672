import { PriceListCreateSchema, PriceListQuerySchema, PriceListSchema, ProductCreateSchema, ProductListQuerySchema, ProductPatchSchema, ProductSchema } from '../../../../shared/modules/commerce/schemas/product.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { productService } from '../../../../shared/modules/commerce/services/product.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

export const productRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/products', tags: ['Products'], summary: 'The product catalogue by name (active = only active or inactive ones)', request: { query: PageQuerySchema.extend(ProductListQuerySchema.shape) }, responses: { 200: json(pageOf(ProductSchema)) } }),
    async (c) => {
      const { limit, cursor, active } = c.req.valid('query');
      return c.json(await productService.list(requireCaller(c).actor, { limit, cursor }, active), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/products', tags: ['Products'], summary: 'Create a product (SKU unique)', request: { headers: IdempotencyHeaderSchema, body: jsonBody(ProductCreateSchema) }, responses: { 201: json(ProductSchema, 'Created') } }),
    async (c) => c.json(await productService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/products/{id}', tags: ['Products'], summary: 'One product', request: { params: IdParamSchema }, responses: { 200: json(ProductSchema) } }),
    async (c) => c.json(await productService.get(requireCaller(c).actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/products/{id}', tags: ['Products'], summary: 'Change a product (If-Match: version)', request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(ProductPatchSchema) }, responses: { 200: json(ProductSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await productService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/price-lists', tags: ['Products'], summary: 'The price lists of a currency', request: { query: PageQuerySchema.extend(PriceListQuerySchema.shape) }, responses: { 200: json(pageOf(PriceListSchema)) } }),
    async (c) => {
      const { limit, cursor, currency } = c.req.valid('query');
      return c.json(await productService.listPriceLists(requireCaller(c).actor, currency, { limit, cursor }), 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/price-lists', tags: ['Products'], summary: 'Create a price list for a currency, optionally for a customer group (account tag)', request: { headers: IdempotencyHeaderSchema, body: jsonBody(PriceListCreateSchema) }, responses: { 201: json(PriceListSchema, 'Created') } }),
    async (c) => c.json(await productService.createPriceList(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/price-lists/{id}', tags: ['Products'], summary: 'One price list', request: { params: IdParamSchema }, responses: { 200: json(PriceListSchema) } }),
    async (c) => c.json(await productService.getPriceList(requireCaller(c).actor, c.req.valid('param').id), 200),
  );
