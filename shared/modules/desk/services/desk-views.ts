import type { AgentName, Attachment, Ticket, TicketMessage } from '../schemas/ticket.schema';
import type { SlaPolicy } from '../schemas/sla-policy.schema';
import { ServiceSettingsInputSchema, type ServiceSettings, type ServiceSettingsInput } from '../schemas/service-settings.schema';
import { DEFAULT_ESCALATION_RULE } from '../domain/escalation';
import { messageChannel } from '../domain/message-channel';
import type { ServiceSettingRow } from '../db/service-setting.entity';
import type { SlaPolicyRow } from '../db/sla-policy.entity';
import type { TicketAttachmentRow } from '../db/ticket-attachment.entity';
import type { TicketMessageRow } from '../db/ticket-message.entity';
import type { TicketRecord } from '../db/ticket.repository';
import type { UserRow } from '../../identity/db/user.entity';
import { logger } from '../../../platform/logger';

/** The API view of a ticket (who created it and when its status first changed stay internal). */
export function toTicket(record: TicketRecord): Ticket {
  const { ticketId, sla, createdBy: _createdBy, statusChangedAt: _statusChangedAt, ...rest } = record;
  return {
    ...rest,
    id: ticketId,
    sla: { policyId: sla.policyId, firstResponseDueAt: sla.firstResponseDueAt, resolutionDueAt: sla.resolutionDueAt, ...(sla.firstRespondedAt ? { firstRespondedAt: sla.firstRespondedAt } : {}), breached: sla.breached, paused: sla.paused },
  };
}

/** The API view of a message, with the channel it really came through (messageChannel). */
export function toTicketMessage({ ticketId: _ticketId, messageId, ...rest }: TicketMessageRow): TicketMessage {
  return { ...rest, id: messageId, channel: messageChannel(rest.authorType, rest.channel) };
}

/** The reference a message keeps of an attachment. */
export function toAttachmentRef(row: Pick<TicketAttachmentRow, 'attachmentId' | 'name' | 'size' | 'contentType'>): Attachment {
  return { id: row.attachmentId, name: row.name, size: row.size, contentType: row.contentType };
}

/** The API view of an SLA policy. */
export function toSlaPolicy({ policyId, ...rest }: SlaPolicyRow): SlaPolicy {
  return { ...rest, id: policyId };
}

/** The settings until an admin saves some: no teams, the default escalation rule. */
const DEFAULT_SETTINGS: ServiceSettingsInput = { teams: [], cannedReplies: [], escalationRules: [DEFAULT_ESCALATION_RULE], managerEmails: [] };

/** The API view of the stored settings document, or the defaults (version 0) when none is stored. */
export function toServiceSettings(row: ServiceSettingRow | undefined): ServiceSettings {
  if (!row) return { ...DEFAULT_SETTINGS, version: 0 };
  const parsed = ServiceSettingsInputSchema.safeParse(JSON.parse(row.data));
  if (!parsed.success) {
    // Never expected (every save is validated); the desk keeps working on the defaults until an admin saves again.
    logger.error('service settings: stored document invalid, using defaults');
    return { ...DEFAULT_SETTINGS, version: row.version, updatedAt: row.updatedAt };
  }
  return { ...parsed.data, version: row.version, updatedAt: row.updatedAt };
}

/** A staff login as the desk's directory names it. */
export function toAgentName(user: UserRow): AgentName {
  return { id: user.userId, name: user.name, active: user.status === 'active' };
}
