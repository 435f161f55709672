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
