import { z } from '@hono/zod-openapi';
import { CurrencySchema, MinorUnitsSchema, MoneySchema, text, VersionedSchema } from '../../../platform/schemas/common.schema';

/** A percentage with at most two decimals (tax, discount). */
export const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, { message: 'At most two decimals' });

export const ProductSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    description: z.string().optional(),
    unitPrice: MoneySchema,
    taxPercent: z.number(),
    active: z.boolean(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Product');
export type Product = z.infer<typeof ProductSchema>;

export const ProductCreateSchema = z
  .object({
    sku: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, dot, dash or underscore'),
    name: text(160),
    description: text(2000).optional(),
    unitPrice: MoneySchema,
    taxPercent: percent.default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('ProductCreate');
export type ProductCreate = z.infer<typeof ProductCreateSchema>;

export const ProductPatchSchema = z
  .object({
    name: text(160).optional(),
    description: text(2000).nullable().optional(),
    unitPrice: MoneySchema.optional(),
    taxPercent: percent.optional(),
    active: z.boolean().optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('ProductPatch');
export type ProductPatch = z.infer<typeof ProductPatchSchema>;

export const ProductListQuerySchema = z.object({
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .openapi({ param: { name: 'active', in: 'query' }, description: 'Only active (true) or inactive (false) products' }),
});

/** A price list: special prices for one currency, optionally for one customer group. */
export const PriceListSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    customerGroup: z.string().optional(),
    prices: z.array(z.object({ productId: z.string(), amount: z.number().int() })),
  })
  .extend(VersionedSchema.shape)
  .openapi('PriceList');
export type PriceList = z.infer<typeof PriceListSchema>;

export const PriceListCreateSchema = z
  .object({
    name: text(160),
    currency: CurrencySchema,
    /** A customer group matches the tags of an account (e.g. `key-account`); none = the currency's general list. */
    customerGroup: z.string().trim().min(1).max(40).optional(),
    prices: z.array(z.object({ productId: text(64), amount: MinorUnitsSchema }).strict()).max(500),
  })
  .strict()
  .openapi('PriceListCreate');
export type PriceListCreate = z.infer<typeof PriceListCreateSchema>;

export const PriceListQuerySchema = z.object({
  currency: CurrencySchema.openapi({ param: { name: 'currency', in: 'query' }, example: 'IDR' }),
});
