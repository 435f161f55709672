import { CompanyProfilePutSchema, CompanyProfileSchema, PaymentInstructionsPutSchema, PaymentInstructionsSchema } from '../../../../shared/modules/commerce/schemas/company.schema';
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
  )
  .openapi(
    defineRoute({ method: 'get', path: '/company/payment-instructions', tags: ['Company'], summary: 'How customers pay invoices: bank, account number, account holder (staff)', responses: { 200: json(PaymentInstructionsSchema) } }),
    async (c) => c.json(await companyService.paymentInstructions(requireCaller(c).actor), 200),
  )
  .openapi(
    defineRoute({ method: 'put', path: '/company/payment-instructions', tags: ['Company'], summary: 'Set the payment instructions, or clear them with three empty fields (admin)', request: { headers: IfMatchHeaderSchema, body: jsonBody(PaymentInstructionsPutSchema) }, responses: { 200: json(PaymentInstructionsSchema) } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await companyService.replacePaymentInstructions(requireCaller(c).actor, expectedVersion(c, body.version), body), 200);
    },
  );
