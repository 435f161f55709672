import { z } from '@hono/zod-openapi';
import { MAX_AGENT_IDS, MESSAGE_AUTHOR_TYPES, MESSAGE_CHANNELS, MESSAGE_VISIBILITIES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_QUEUES, TICKET_SEVERITIES, TICKET_STATUSES } from '../domain/service-vocabulary';
import { text, VersionedSchema } from '../../../platform/schemas/common.schema';
import { isoDate } from '../../commerce/schemas/quote.schema';
import type { AttachmentRef, TicketCsat } from '../domain/ticket';
import { AttachmentIdsSchema } from './ticket-attachment.schema';

/** Longest message or description: a long e-mail, not a file. */
export const MAX_MESSAGE_LENGTH = 20_000;

const id = text(64);
const severity = z.literal(TICKET_SEVERITIES).openapi({ type: 'integer', enum: [...TICKET_SEVERITIES], description: '1 critical … 4 minor' });
const category = text(60);
/** Plain text kept exactly as written (never trimmed, never read as HTML); must not be blank. */
const plainText = z
  .string()
  .max(MAX_MESSAGE_LENGTH)
  .refine((value) => value.trim().length > 0, { message: 'Must not be blank' });

export const TicketSlaSchema = z
  .object({
    policyId: z.string(),
    firstResponseDueAt: z.string(),
    resolutionDueAt: z.string(),
    firstRespondedAt: z.string().optional(),
    breached: z.boolean(),
    paused: z.boolean(),
  })
  .openapi('TicketSla');

export const CsatSchema = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: z.string().optional(),
  })
  .openapi('Csat') satisfies z.ZodType<TicketCsat>;

export const TicketSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'T-2026-00042' }),
    subject: z.string(),
    description: z.string(),
    accountId: z.string(),
    /** The account's current name on reads (one, or a list: one batch read per page); not stored, so a rename shows at once. */
    accountName: z.string().optional(),
    contactId: z.string().optional(),
    channel: z.enum(TICKET_CHANNELS),
    priority: z.enum(TICKET_PRIORITIES),
    severity: severity.optional(),
    category: z.string().optional(),
    status: z.enum(TICKET_STATUSES),
    assigneeId: z.string().optional(),
    teamId: z.string().optional(),
    activityId: z.string().optional(),
    sla: TicketSlaSchema,
    csat: CsatSchema.optional(),
    resolvedAt: z.string().optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Ticket');
export type Ticket = z.infer<typeof TicketSchema>;

/**
 * A new ticket. A customer gives subject, description, optionally category and one of its
 * own accounts (channel `portal`, which it may name; the contact is the customer; any other
 * field is 400 field_not_allowed); staff give the account and the channel and may set the
 * rest (`activityId`: the call the ticket came from).
 */
export const TicketCreateSchema = z
  .object({
    subject: text(200),
    description: plainText,
    accountId: id.optional(),
    contactId: id.optional(),
    channel: z.enum(TICKET_CHANNELS).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    severity: severity.optional(),
    category: category.optional(),
    assigneeId: id.optional(),
    teamId: id.optional(),
    activityId: id.optional(),
  })
  .strict()
  .openapi('TicketCreate');
export type TicketCreate = z.infer<typeof TicketCreateSchema>;

/** PATCH (If-Match): staff change any of these (`null` clears); a customer may only send `{status: "closed"}`. */
export const TicketPatchSchema = z
  .object({
    subject: text(200).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    severity: severity.nullable().optional().openapi({ type: ['integer', 'null'], enum: [...TICKET_SEVERITIES, null] }),
    category: category.nullable().optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    assigneeId: id.nullable().optional(),
    teamId: id.nullable().optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('TicketPatch');
export type TicketPatch = z.infer<typeof TicketPatchSchema>;

export const TicketListQuerySchema = z.object({
  queue: z.enum(TICKET_QUEUES).optional().openapi({ param: { name: 'queue', in: 'query' }, description: 'Staff work queue' }),
  accountId: z.string().min(1).max(64).optional().openapi({ param: { name: 'accountId', in: 'query' } }),
});

export const AttachmentSchema = z
  .object({ id: z.string(), name: z.string(), size: z.number().int().min(0), contentType: z.string() })
  .openapi('TicketAttachment') satisfies z.ZodType<AttachmentRef>;
export type Attachment = z.infer<typeof AttachmentSchema>;

export const TicketMessageSchema = z
  .object({
    id: z.string(),
    body: z.string().openapi({ description: 'Plain text, as written' }),
    visibility: z.enum(MESSAGE_VISIBILITIES),
    authorId: z.string().openapi({ description: 'Staff user id, the contact id of a customer, or `system`' }),
    authorName: z.string(),
    authorType: z.enum(MESSAGE_AUTHOR_TYPES),
    channel: z.enum(MESSAGE_CHANNELS).openapi({ description: 'Where it was written or how it came: `staff` the staff portal, `portal` the customer portal, or email, phone, web, chat' }),
    attachments: z.array(AttachmentSchema),
    createdAt: z.string(),
  })
  .openapi('TicketMessage');
export type TicketMessage = z.infer<typeof TicketMessageSchema>;

/**
 * A reply or note. Staff must say whether it is `public` (mailed to the customer) or `internal`;
 * customers post public only. `attachmentIds`: the caller's finished uploads on this ticket.
 */
export const TicketMessageCreateSchema = z
  .object({
    body: plainText,
    attachmentIds: AttachmentIdsSchema.optional(),
    visibility: z.enum(MESSAGE_VISIBILITIES).optional(),
    channel: z.enum(MESSAGE_CHANNELS).optional().openapi({ description: 'Staff: `staff` (the default, written in the staff portal) or the channel a logged message came through (email, phone, web, chat); customers: `portal` only. Another value: 400 field_not_allowed' }),
  })
  .strict()
  .openapi('TicketMessageCreate');
export type TicketMessageCreate = z.infer<typeof TicketMessageCreateSchema>;

export const CsatCreateSchema = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: text(2000).optional(),
  })
  .strict()
  .openapi('CsatCreate');
export type CsatCreate = z.infer<typeof CsatCreateSchema>;

export const MetricsQuerySchema = z.object({
  from: isoDate.openapi({ param: { name: 'from', in: 'query' }, description: 'First creation day (UTC), inclusive' }),
  to: isoDate.openapi({ param: { name: 'to', in: 'query' }, description: 'Last creation day (UTC), inclusive' }),
});

const SpreadSchema = z.object({ avg: z.number().nullable(), median: z.number().nullable() });
const summaryShape = {
  firstResponseMinutes: SpreadSchema,
  resolutionMinutes: SpreadSchema,
  slaCompliancePercent: z.number().nullable(),
  csatAverage: z.number().nullable(),
  csatCount: z.number().int(),
  ticketCount: z.number().int(),
};

export const ServiceMetricsSchema = z
  .object({
    ...summaryShape,
    byAgent: z.array(z.object({ agentId: z.string(), ...summaryShape })),
    byTeam: z.array(z.object({ teamId: z.string(), ...summaryShape })),
    byDay: z
      .array(z.object({ day: z.string().openapi({ example: '2026-12-07' }), opened: z.number().int(), resolved: z.number().int(), slaCompliancePercent: z.number().nullable(), csatAverage: z.number().nullable() }))
      .openapi({ description: 'Every day of the period: tickets opened; tickets resolved that day (of the tickets opened in the period); SLA compliance and CSAT of the tickets opened that day' }),
  })
  .openapi('ServiceMetrics');

export const AgentNamesQuerySchema = z.object({
  ids: z
    .string()
    .max(MAX_AGENT_IDS * 65)
    .transform((value) => [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(1).max(MAX_AGENT_IDS))
    .openapi({ param: { name: 'ids', in: 'query' }, type: 'string', description: `Staff user ids, comma-separated (at most ${MAX_AGENT_IDS})`, example: 'a1b2,c3d4' }),
});

export const AgentNameSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() }).openapi('AgentName');
export const AgentNamesSchema = z.object({ items: z.array(AgentNameSchema) }).openapi('AgentNames');
export type AgentName = z.infer<typeof AgentNameSchema>;
