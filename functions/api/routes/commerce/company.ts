import { CompanyProfilePutSchema, CompanyProfileSchema } from '../../../../shared/modules/commerce/schemas/company.schema';
import { IfMatchHeaderSchema } from '../../../../shared/platform/schemas/common.schema';
import { companyService } from '../../../../shared/modules/commerce/services/company.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

export const companyRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/company', tags: ['Company'], summary: 'Company overview, vision and mission (public)', responses: { 200: json(CompanyProfileSchema) } }),
    async (c) => c.json(await companyService.profile(), 200),
  )
  .openapi(
    defineRoute({ method: 'put', path: '/company', tags: ['Company'], summary: 'Replace the company profile (admin, investor relations)', request: { headers: IfMatchHeaderSchema, body: jsonBody(CompanyProfilePutSchema) }, responses: { 200: json(CompanyProfileSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await companyService.replace(requireCaller(c).actor, expectedVersion(c, body.version), body), 200);
    },
  );
