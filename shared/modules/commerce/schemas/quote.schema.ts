import { z } from '@hono/zod-openapi';
import { QUOTE_STATUSES } from '../../sales/domain/sales-vocabulary';
import { CurrencySchema, MinorUnitsSchema, text, VersionedSchema } from '../../../platform/schemas/common.schema';
import type { DocumentLine as StoredLine } from '../domain/document-line';
import { percent } from './product.schema';

export const isoDate = z.iso.date().openapi({ example: '2026-12-15' });
/** Up to three decimals (a quantity of 1.5 kg, 250 portions). */
const quantity = z
  .number()
  .positive()
  .max(1e7)
  .refine((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, { message: 'At most three decimals' });

export const DocumentLineSchema = z
  .object({
    productId: z.string().optional(),
    description: z.string(),
    quantity: z.number(),
    unitPrice: z.number().int(),
    discountPercent: z.number(),
    taxPercent: z.number(),
    /** Net after discount plus tax, in minor units (see shared/modules/commerce/domain/quote-totals.ts). */
    total: z.number().int(),
  })
  .openapi('DocumentLine') satisfies z.ZodType<StoredLine>;
export type DocumentLine = z.infer<typeof DocumentLineSchema>;

/** A line as the editor sends it: a product (price, tax and description default from it) or free text. */
export const QuoteLineInputSchema = z
  .object({
    productId: text(64).optional(),
    description: text(500).optional(),
    quantity,
    unitPrice: MinorUnitsSchema.optional(),
    discountPercent: percent.default(0),
    taxPercent: percent.optional(),
  })
  .strict()
  .refine((l) => l.productId || (l.description && l.unitPrice !== undefined), { message: 'A free-text line needs a description and a unitPrice' })
  .openapi('QuoteLineInput');
export type QuoteLineInput = z.infer<typeof QuoteLineInputSchema>;

export const QuoteSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    accountId: z.string(),
    /** The account's current name on reads (one, or a list: one batch read per page); not stored, so a rename shows at once. */
    accountName: z.string().optional(),
    opportunityId: z.string().optional(),
    status: z.enum(QUOTE_STATUSES),
    currency: z.string(),
    lines: z.array(DocumentLineSchema),
    subtotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int(),
    validUntil: z.string().optional(),
    orderId: z.string().optional(),
    sentAt: z.string().optional(),
    acceptedAt: z.string().optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Quote');
export type Quote = z.infer<typeof QuoteSchema>;

const lines = z.array(QuoteLineInputSchema).max(100);

export const QuoteCreateSchema = z
  .object({
    accountId: text(64),
    opportunityId: text(64).optional(),
    currency: CurrencySchema,
    lines: lines.default([]),
    validUntil: isoDate.optional(),
  })
  .strict()
  .openapi('QuoteCreate');
export type QuoteCreate = z.infer<typeof QuoteCreateSchema>;

/** PATCH: lines and currency only while draft; `status: "cancelled"` cancels an unconfirmed quote. */
export const QuotePatchSchema = z
  .object({
    currency: CurrencySchema.optional(),
    lines: lines.optional(),
    validUntil: isoDate.nullable().optional(),
    status: z.literal('cancelled').optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('QuotePatch');
export type QuotePatch = z.infer<typeof QuotePatchSchema>;

/** Filter of the sales document lists; a customer may only name one of its own accounts. */
export const SalesListQuerySchema = z.object({
  accountId: z.string().min(1).max(64).optional().openapi({ param: { name: 'accountId', in: 'query' } }),
});

export const OrderCreatedSchema = z.object({ orderId: z.string() }).openapi('OrderCreated');
