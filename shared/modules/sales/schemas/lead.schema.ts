import { z } from '@hono/zod-openapi';
import { ACTIVITY_TYPES, LEAD_SOURCES, LEAD_STATUSES } from '../domain/sales-vocabulary';
import { COMPLETENESS_FIELDS, ENGAGEMENT_ACTIVITY_TYPES } from '../domain/lead-scoring';
import type { Duplicate } from '../domain/lead-duplicates';
import type { LeadRules } from '../domain/lead-rules';
import { text, VersionedSchema } from '../../../platform/schemas/common.schema';
import { OpportunityDraftSchema } from './opportunity.schema';

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** Why a lead is flagged as a possible duplicate of another. */
export const DuplicateSchema = z
  .object({ leadId: z.string(), reason: z.enum(['same_email', 'same_domain', 'similar_company']), title: z.string() })
  .openapi('LeadDuplicate') satisfies z.ZodType<Duplicate>;

export const LeadSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    companyName: z.string().optional(),
    contactName: z.string(),
    email: z.string().optional(),
    phone: z.string().optional(),
    source: z.enum(LEAD_SOURCES),
    memo: z.string().optional(),
    productInterest: z.string().optional(),
    territory: z.string().optional(),
    status: z.enum(LEAD_STATUSES),
    score: z.number().int(),
    ownerId: z.string().optional(),
    disqualifyReason: z.string().optional(),
    duplicates: z.array(DuplicateSchema),
    convertedTo: z.object({ accountId: z.string(), contactId: z.string(), opportunityId: z.string() }).optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Lead');
export type Lead = z.infer<typeof LeadSchema>;

const leadFields = {
  title: text(160),
  companyName: text(160).optional(),
  contactName: text(120),
  email: email.optional(),
  phone: text(40).optional(),
  source: z.enum(LEAD_SOURCES).default('other'),
  memo: text(5000).optional(),
  productInterest: text(80).optional(),
  territory: text(80).optional(),
  ownerId: text(64).optional(),
};
export const LeadCreateSchema = z.object(leadFields).strict().openapi('LeadCreate');
export type LeadCreate = z.infer<typeof LeadCreateSchema>;

export const LeadPatchSchema = z
  .object({
    title: leadFields.title.optional(),
    companyName: text(160).nullable().optional(),
    contactName: leadFields.contactName.optional(),
    email: email.nullable().optional(),
    phone: text(40).nullable().optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    memo: text(5000).nullable().optional(),
    productInterest: text(80).nullable().optional(),
    territory: text(80).nullable().optional(),
    ownerId: text(64).nullable().optional(),
    status: z.enum(['new', 'qualified']).optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('LeadPatch');
export type LeadPatch = z.infer<typeof LeadPatchSchema>;

export const LeadConvertSchema = z
  .object({ accountId: text(64).optional(), opportunity: OpportunityDraftSchema, version: z.number().int().optional() })
  .strict()
  .openapi('LeadConvert');
export type LeadConvert = z.infer<typeof LeadConvertSchema>;

export const LeadConvertResultSchema = z
  .object({ accountId: z.string(), contactId: z.string(), opportunityId: z.string() })
  .openapi('LeadConvertResult');

export const DisqualifySchema = z.object({ reason: text(500), version: z.number().int().optional() }).strict().openapi('Disqualify');

export const LeadListQuerySchema = z.object({
  status: z.enum(LEAD_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }),
  ownerId: z.string().max(64).optional().openapi({ param: { name: 'ownerId', in: 'query' }, description: 'A user id, or `unassigned` for the leads nobody owns yet' }),
});

/** The public "contact sales" form on the customer portal. `website` is a honeypot: people leave it empty. */
export const ContactSalesSchema = z
  .object({
    name: text(120),
    email,
    companyName: text(160).optional(),
    phone: text(40).optional(),
    message: text(5000),
    productInterest: text(80).optional(),
    website: z.string().max(300).optional(),
  })
  .strict()
  .openapi('ContactSales');
export type ContactSales = z.infer<typeof ContactSalesSchema>;

const points = z.number().int().min(-100).max(100);
const repIds = z.array(text(64)).max(100);

/** Scoring and assignment rules for leads (GET/PUT /lead-rules). */
export const LeadRulesSchema = z
  .object({
    scoring: z
      .object({
        source: z.partialRecord(z.enum(LEAD_SOURCES), points),
        completeness: z.partialRecord(z.enum(COMPLETENESS_FIELDS), points),
        productInterest: z.object({ byProduct: z.record(text(80), points), other: points }).strict(),
        // `types` came later: rules saved before it count the default types.
        engagement: z.object({ perActivity: points, max: points, types: z.array(z.enum(ACTIVITY_TYPES)).max(ACTIVITY_TYPES.length).default(() => [...ENGAGEMENT_ACTIVITY_TYPES]) }).strict(),
      })
      .strict(),
    assignment: z
      .object({
        rules: z.array(z.object({ productInterest: text(80).optional(), territory: text(80).optional(), repIds }).strict()).max(200),
        defaultRepIds: repIds,
      })
      .strict(),
  })
  .strict()
  .openapi('LeadRules') satisfies z.ZodType<LeadRules>;
export type { LeadRules };

export const LeadRulesDocumentSchema = LeadRulesSchema.extend({ updatedAt: z.string().optional() }).openapi('LeadRulesDocument');

/** A rep's place in lead assignment: opted out reps get no new leads. */
export const LeadRepSchema = z.object({ userId: z.string(), optedOut: z.boolean(), openLeads: z.number().int(), openOpportunities: z.number().int() }).openapi('LeadRep');
export type LeadRep = z.infer<typeof LeadRepSchema>;
export const LeadRepPatchSchema = z.object({ optedOut: z.boolean() }).strict().openapi('LeadRepPatch');
