import { z } from '@hono/zod-openapi';
import { ORDER_STATUSES } from '../../sales/domain/sales-vocabulary';
import { VersionedSchema } from '../../../platform/schemas/common.schema';
import { DocumentLineSchema } from './quote.schema';

export const OrderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    quoteId: z.string(),
    accountId: z.string(),
    /** The account's current name on reads (one, or a list: one batch read per page); not stored, so a rename shows at once. */
    accountName: z.string().optional(),
    opportunityId: z.string().optional(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    lines: z.array(DocumentLineSchema),
    subtotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int(),
    invoiceId: z.string().optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Order');
export type Order = z.infer<typeof OrderSchema>;

export const OrderPatchSchema = z
  .object({ status: z.enum(ORDER_STATUSES), version: z.number().int().optional() })
  .strict()
  .openapi('OrderPatch');
export type OrderPatch = z.infer<typeof OrderPatchSchema>;

export const InvoiceCreatedSchema = z.object({ invoiceId: z.string() }).openapi('InvoiceCreated');
