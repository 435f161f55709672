/** The fixed vocabularies of service automation, shared by zod schemas and ElectroDB entities. */
export const TICKET_CHANNELS = ['portal', 'email', 'phone', 'web', 'chat'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/**
 * Where a ticket message was written or how it travelled: a ticket's channels (`portal` is the
 * customer portal) and the staff portal, where agents reply and take notes. No ticket comes in
 * through the staff portal, so it is a message channel only.
 */
export const MESSAGE_CHANNELS = [...TICKET_CHANNELS, 'staff'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket still needs work (queues, SLA clocks, escalation). */
export const OPEN_TICKET_STATUSES = ['new', 'open', 'pending'] as const satisfies readonly TicketStatus[];

/** Severity 1 (critical) to 4 (minor); "high severity" in the escalation rule means 1 or 2. */
export const TICKET_SEVERITIES = [1, 2, 3, 4] as const;
export type TicketSeverity = (typeof TICKET_SEVERITIES)[number];

export const MESSAGE_VISIBILITIES = ['public', 'internal'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

/** Who wrote a ticket message: a staff member, the customer, or the system (SLA breach, escalation). */
export const MESSAGE_AUTHOR_TYPES = ['staff', 'customer', 'system'] as const;
export type MessageAuthorType = (typeof MESSAGE_AUTHOR_TYPES)[number];

/** The staff work queues of the ticket list. */
export const TICKET_QUEUES = ['mine', 'unassigned', 'breaching', 'open'] as const;
export type TicketQueue = (typeof TICKET_QUEUES)[number];

/** An account's value tier, which escalation and SLA policies can select on. */
export const ACCOUNT_TIERS = ['low', 'normal', 'high'] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

export const KB_LANGUAGES = ['en', 'id'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

export const KB_VISIBILITIES = ['public', 'internal'] as const;
export type KbVisibility = (typeof KB_VISIBILITIES)[number];

export const KB_STATUSES = ['draft', 'published', 'archived'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

/** Business days, in the order a week is shown. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The time zone of clocks and dates unless a policy names another. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** What a ticket attachment may be: pictures, PDF, text and CSV, Word and Excel, zip. */
export const ATTACHMENT_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** `pending`: announced and (maybe) uploaded, not yet on a message; `linked`: part of a message. */
export const ATTACHMENT_STATUSES = ['pending', 'linked'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

/** What became of an inbound mail. */
export const INBOUND_MAIL_OUTCOMES = ['ticket_created', 'reply_added', 'refused', 'ignored'] as const;
export type InboundMailOutcome = (typeof INBOUND_MAIL_OUTCOMES)[number];

/** Most staff names asked for at once (`GET /service/agents`). */
export const MAX_AGENT_IDS = 100;
