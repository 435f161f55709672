import { z } from '@hono/zod-openapi';
import { INVOICE_STATUSES } from '../../sales/domain/sales-vocabulary';
import { MinorUnitsSchema, VersionedSchema } from '../../../platform/schemas/common.schema';
import { DocumentLineSchema } from './quote.schema';
import { InvoicePaymentSchema } from './company.schema';

export const PaymentSchema = z
  .object({ id: z.string(), amount: z.number().int(), paidAt: z.string(), recordedBy: z.string().optional() })
  .openapi('Payment');
export type Payment = z.infer<typeof PaymentSchema>;

export const InvoiceSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    orderId: z.string(),
    accountId: z.string(),
    /** The account's current name on reads (one, or a list: one batch read per page); not stored, so a rename shows at once. */
    accountName: z.string().optional(),
    status: z.enum(INVOICE_STATUSES),
    currency: z.string(),
    lines: z.array(DocumentLineSchema),
    subtotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int(),
    amountDue: z.number().int(),
    dueDate: z.string(),
    issuedAt: z.string(),
    /** Present on the single-invoice read. */
    payments: z.array(PaymentSchema).optional(),
    /** On the single-invoice read, when the company has set them: how to pay. */
    paymentInstructions: InvoicePaymentSchema.optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Invoice');
export type Invoice = z.infer<typeof InvoiceSchema>;

export const PaymentCreateSchema = z
  .object({ amount: MinorUnitsSchema.positive() })
  .strict()
  .openapi('PaymentCreate');
