import { SearchQuerySchema, SearchResultSchema } from '../../../../shared/modules/search/schemas/search.schema';
import { searchService } from '../../../../shared/modules/search/services/search.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, json, router } from '../route-kit';

export const searchRoutes = router().openapi(
  defineRoute({
    method: 'get',
    path: '/search',
    tags: ['Search'],
    summary: 'Global search (staff): accounts, contacts, leads, opportunities, quotes, orders, invoices and tickets by name, e-mail, phone or number, grouped by type',
    request: { query: SearchQuerySchema },
    responses: { 200: json(SearchResultSchema) },
  }),
  async (c) => c.json(await searchService.search(requireCaller(c).actor, c.req.valid('query')), 200),
);
