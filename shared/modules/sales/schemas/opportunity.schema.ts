import { z } from '@hono/zod-openapi';
import { OPPORTUNITY_STATUSES } from '../domain/sales-vocabulary';
import { STAGE_CHANGE_KINDS, type Stage } from '../domain/pipeline';
import { MoneySchema, text, VersionedSchema } from '../../../platform/schemas/common.schema';

const isoDate = z.iso.date().openapi({ example: '2026-12-15' });
const probability = z.number().int().min(0).max(100);
const priority = z.number().int().min(0).max(3);

export const StageSchema = z
  .object({ id: z.string(), name: z.string(), probability, isWon: z.boolean(), isLost: z.boolean() })
  .openapi('Stage') satisfies z.ZodType<Stage>;
export type { Stage };

export const OpportunitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    accountId: z.string(),
    /** The account's current name, read when the opportunity is answered (lists: one batch read per page). */
    accountName: z.string().optional(),
    contactId: z.string().optional(),
    /** The contact's current name, read like the account's. */
    contactName: z.string().optional(),
    leadId: z.string().optional(),
    stage: z.string(),
    probability,
    /** True when someone set the probability by hand: moving the card then keeps it. */
    probabilityManual: z.boolean(),
    expectedRevenue: MoneySchema,
    expectedCloseDate: isoDate.optional(),
    priority,
    ownerId: z.string().optional(),
    /** The owner's name (a staff login), read like the account's. */
    ownerName: z.string().optional(),
    partnerId: z.string().optional(),
    status: z.enum(OPPORTUNITY_STATUSES),
    lostReason: z.string().optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Opportunity');
export type Opportunity = z.infer<typeof OpportunitySchema>;

/** The opportunity part of a lead conversion, and the base of a new opportunity. */
export const OpportunityDraftSchema = z
  .object({
    name: text(160),
    expectedRevenue: MoneySchema,
    probability: probability.optional(),
    expectedCloseDate: isoDate.optional(),
  })
  .strict()
  .openapi('OpportunityDraft');
export type OpportunityDraft = z.infer<typeof OpportunityDraftSchema>;

export const OpportunityCreateSchema = OpportunityDraftSchema.extend({
  accountId: text(64),
  contactId: text(64).optional(),
  stage: text(40).optional(),
  priority: priority.optional(),
  ownerId: text(64).optional(),
  partnerId: text(64).optional(),
})
  .strict()
  .openapi('OpportunityCreate');
export type OpportunityCreate = z.infer<typeof OpportunityCreateSchema>;

export const OpportunityPatchSchema = z
  .object({
    name: text(160).optional(),
    contactId: text(64).nullable().optional(),
    stage: text(40).optional(),
    probability: probability.optional(),
    expectedRevenue: MoneySchema.optional(),
    expectedCloseDate: isoDate.nullable().optional(),
    priority: priority.optional(),
    ownerId: text(64).nullable().optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('OpportunityPatch');
export type OpportunityPatch = z.infer<typeof OpportunityPatchSchema>;

export const LostSchema = z.object({ reason: text(500), version: z.number().int().optional() }).strict().openapi('Lost');

export const OpportunityListQuerySchema = z.object({
  stage: z.string().max(40).optional().openapi({ param: { name: 'stage', in: 'query' } }),
  ownerId: z.string().max(64).optional().openapi({ param: { name: 'ownerId', in: 'query' } }),
  accountId: z.string().max(64).optional().openapi({ param: { name: 'accountId', in: 'query' } }),
});

export const BoardColumnSchema = z
  .object({
    stage: StageSchema,
    opportunities: z.array(OpportunitySchema),
    nextCursor: z.string().nullable(),
    /** Sums over the whole column, not only the page shown, per currency. */
    totals: z.array(z.object({ currency: z.string(), count: z.number().int(), amount: z.number().int(), weighted: z.number().int() })),
  })
  .openapi('BoardColumn');
export type BoardColumn = z.infer<typeof BoardColumnSchema>;
export const BoardSchema = z.object({ columns: z.array(BoardColumnSchema) }).openapi('Board');

/** A stage as an admin defines it: ids are lower-case slugs (they are part of index keys). */
export const StageInputSchema = z
  .object({ id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/), name: text(80), probability, isWon: z.boolean().default(false), isLost: z.boolean().default(false) })
  .strict();
export const StagesReplaceSchema = z.object({ stages: z.array(StageInputSchema).min(3).max(20) }).strict().openapi('StagesReplace');
export const StageListSchema = z.array(StageSchema).openapi('StageList');

export const StageChangeSchema = z
  .object({
    at: z.string(),
    kind: z.enum(STAGE_CHANGE_KINDS),
    from: z.string().optional(),
    to: z.string(),
    probability: z.number().int().optional(),
    actorId: z.string().optional(),
    reason: z.string().optional(),
  })
  .openapi('StageChange');
export type StageChange = z.infer<typeof StageChangeSchema>;

export const ForecastSchema = z
  .object({
    ownerId: z.string().optional().openapi({ description: 'The rep; left out for everyone’s forecast' }),
    months: z.array(
      z.object({
        month: z.string().openapi({ example: '2026-12' }),
        currency: z.string(),
        count: z.number().int(),
        amount: z.number().int(),
        weighted: z.number().int(),
        stages: z.array(z.object({ stage: z.string(), count: z.number().int(), amount: z.number().int(), weighted: z.number().int() })).openapi({ description: 'The same sums split by stage, in pipeline order; amount is the best case.' }),
      }),
    ),
  })
  .openapi('Forecast');

export const WonSchema = z.object({ version: z.number().int().optional() }).strict().openapi('Won');
