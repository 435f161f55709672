import { z } from '@hono/zod-openapi';
import { LOCALES } from '../../../platform/locale';
import { CONDITION_OPS, ESCALATION_FIELDS, ESCALATION_TRIGGERS, NOTIFY_ROLES } from '../domain/escalation';
import { text } from '../../../platform/schemas/common.schema';

const id = text(64);
const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const ServiceTeamSchema = z
  .object({
    id,
    name: text(120),
    /** Categories whose new tickets go to this team (case-insensitive). */
    categories: z.array(text(60)).max(50),
    /** Agents (staff user ids) who take the team's tickets. */
    memberIds: z.array(id).max(100),
  })
  .strict()
  .openapi('ServiceTeam');

export const CannedReplySchema = z
  .object({ id, title: text(120), body: text(5000), language: z.enum(LOCALES) })
  .strict()
  .openapi('CannedReply');

const conditionValue = z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number()])).max(20)]);

export const EscalationRuleSchema = z
  .object({
    id,
    name: text(200),
    enabled: z.boolean().default(true),
    trigger: z.enum(ESCALATION_TRIGGERS).default('ticket_sweep'),
    conditions: z.array(z.object({ field: z.enum(ESCALATION_FIELDS), op: z.enum(CONDITION_OPS), value: conditionValue }).strict()).max(20),
    actions: z
      .array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('notify'), role: z.enum(NOTIFY_ROLES).optional(), emails: z.array(email).max(20).optional() }).strict(),
          z.object({ type: z.literal('add_internal_note'), body: text(2000).optional() }).strict(),
        ]),
      )
      .min(1)
      .max(10),
  })
  .strict()
  .openapi('EscalationRule');

const unique = (values: string[]) => new Set(values).size === values.length;

/** What an admin saves with PUT /service-settings. */
export const ServiceSettingsInputSchema = z
  .object({
    teams: z.array(ServiceTeamSchema).max(50),
    /** The team of tickets whose category no team lists. */
    defaultTeamId: id.optional(),
    cannedReplies: z.array(CannedReplySchema).max(200),
    escalationRules: z.array(EscalationRuleSchema).max(20),
    /** Who the role `service_manager` of the escalation rules reaches. */
    managerEmails: z.array(email).max(20),
  })
  .strict()
  .refine((s) => unique(s.teams.map((t) => t.id)) && unique(s.cannedReplies.map((r) => r.id)) && unique(s.escalationRules.map((r) => r.id)), { message: 'Ids must be unique within teams, canned replies and escalation rules' })
  .refine((s) => s.defaultTeamId === undefined || s.teams.some((t) => t.id === s.defaultTeamId), { message: 'defaultTeamId must name one of the teams', path: ['defaultTeamId'] })
  .openapi('ServiceSettingsInput');
export type ServiceSettingsInput = z.infer<typeof ServiceSettingsInputSchema>;

export const ServiceSettingsSchema = z
  .object({
    teams: z.array(ServiceTeamSchema),
    defaultTeamId: z.string().optional(),
    cannedReplies: z.array(CannedReplySchema),
    escalationRules: z.array(EscalationRuleSchema),
    managerEmails: z.array(z.string()),
    /** 0 until an admin saves settings; send it as If-Match to replace them safely. */
    version: z.number().int(),
    updatedAt: z.string().optional(),
  })
  .openapi('ServiceSettings');
export type ServiceSettings = z.infer<typeof ServiceSettingsSchema>;
