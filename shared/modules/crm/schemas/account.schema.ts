import { z } from '@hono/zod-openapi';
import { text, VersionedSchema } from '../../../platform/schemas/common.schema';
import { ACCOUNT_TIERS } from '../../desk/domain/service-vocabulary';

const tags = z.array(text(40)).max(20);

export const AccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    industry: z.string().optional(),
    website: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    ownerId: z.string().optional(),
    tags: z.array(z.string()),
    /** Value tier for service rules (SLA policies, escalation); absent = not classified. */
    tier: z.enum(ACCOUNT_TIERS).optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Account');
export type Account = z.infer<typeof AccountSchema>;

const accountFields = {
  name: text(160),
  industry: text(80).optional(),
  // http(s) only: the portals render it as a link, so javascript: or data: would be stored XSS.
  website: z.url({ protocol: /^https?$/ }).max(300).optional(),
  email: z.email().max(254).optional(),
  phone: text(40).optional(),
  address: text(500).optional(),
  ownerId: text(64).optional(),
  tags: tags.optional(),
  tier: z.enum(ACCOUNT_TIERS).optional(),
};
export const AccountCreateSchema = z.object(accountFields).strict().openapi('AccountCreate');
export type AccountCreate = z.infer<typeof AccountCreateSchema>;

/** PATCH body: any subset of the fields; `null` clears an optional one. */
export const AccountPatchSchema = z
  .object({
    name: accountFields.name.optional(),
    industry: accountFields.industry.nullable(),
    website: accountFields.website.nullable(),
    email: accountFields.email.nullable(),
    phone: accountFields.phone.nullable(),
    address: accountFields.address.nullable(),
    ownerId: accountFields.ownerId.nullable(),
    tags: accountFields.tags,
    tier: accountFields.tier.nullable(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('AccountPatch');
export type AccountPatch = z.infer<typeof AccountPatchSchema>;

export const AccountListQuerySchema = z.object({
  q: z.string().trim().max(160).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Name prefix' }),
});

export const AccountContactRoleSchema = z.object({ role: text(60) }).strict().openapi('AccountContactRole');

export const AccountContactSchema = z
  .object({
    accountId: z.string(),
    contactId: z.string(),
    role: z.string(),
    accountName: z.string(),
    contactName: z.string(),
    contactEmail: z.string().optional(),
    createdAt: z.string(),
  })
  .openapi('AccountContact');
export type AccountContact = z.infer<typeof AccountContactSchema>;

export const TimelineItemSchema = z
  .object({
    type: z.string(),
    id: z.string(),
    at: z.string(),
    title: z.string(),
    summary: z.string(),
    channel: z.string().optional(),
    actorId: z.string().optional(),
  })
  .openapi('TimelineItem');
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const NoteCreateSchema = z.object({ body: text(5000) }).strict().openapi('NoteCreate');
