import { z } from '@hono/zod-openapi';
import { text } from '../../../platform/schemas/common.schema';

const localized = z.object({ en: text(5000), id: text(5000) });

/** The company's public profile shown on the investor portal's home page. */
export const CompanyProfileSchema = z
  .object({
    name: z.string(),
    tagline: z.object({ en: z.string(), id: z.string() }),
    overview: z.object({ en: z.string(), id: z.string() }),
    vision: z.object({ en: z.string(), id: z.string() }),
    mission: z.object({ en: z.array(z.string()), id: z.array(z.string()) }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('CompanyProfile');
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;

export const CompanyProfilePutSchema = z
  .object({
    name: text(160),
    tagline: localized,
    overview: localized,
    vision: localized,
    mission: z.object({ en: z.array(text(500)).max(10), id: z.array(text(500)).max(10) }),
    version: z.number().int().optional(),
  })
  .strict()
  .openapi('CompanyProfilePut');

const paymentFields = {
  bankName: z.string(),
  accountNumber: z.string(),
  accountHolder: z.string(),
};

/** How customers pay invoices (staff only); empty strings when the company has set none. */
export const PaymentInstructionsSchema = z
  .object({ ...paymentFields, version: z.number().int(), updatedAt: z.string() })
  .openapi('PaymentInstructions');
export type PaymentInstructionsView = z.infer<typeof PaymentInstructionsSchema>;

/** All three fields, or all three empty to show no payment instructions. */
export const PaymentInstructionsPutSchema = z
  .object({ bankName: z.string().trim().max(120), accountNumber: z.string().trim().max(60), accountHolder: z.string().trim().max(160), version: z.number().int().optional() })
  .strict()
  .openapi('PaymentInstructionsPut');

/** What an invoice tells its reader to pay with: the company's bank account, and the invoice number as the reference. */
export const InvoicePaymentSchema = z.object({ ...paymentFields, reference: z.string() }).openapi('InvoicePayment');
