import type { z } from '@hono/zod-openapi';
import type { Account, AccountContact, AccountCreate, AccountPatch, TimelineItem } from '../../../../shared/modules/crm/schemas/account.schema';
import type { AdminUser, LoginResultSchema, User, UserCreateSchema, UserPatchSchema, RegisterSchema } from '../../../../shared/modules/identity/schemas/auth.schema';
import type { Page } from '../../../../shared/platform/page';
import type { CompanyProfile } from '../../../../shared/modules/commerce/schemas/company.schema';
import type { Contact, ContactCreate, ContactPatch } from '../../../../shared/modules/crm/schemas/contact.schema';
import type { Audience, SelfServiceAudience, StaffRole } from '../../../../shared/modules/identity/domain/identity';
import type { Locale } from '../../../../shared/platform/locale';
import type { Lead, LeadCreateSchema, LeadPatchSchema, LeadConvertSchema } from '../../../../shared/modules/sales/schemas/lead.schema';
import type {
  BoardColumnSchema,
  BoardSchema,
  ForecastSchema,
  Opportunity,
  OpportunityCreateSchema,
  OpportunityPatchSchema,
  Stage,
  StageChange,
} from '../../../../shared/modules/sales/schemas/opportunity.schema';
import type { Activity, ActivityCreateSchema, ActivityPatchSchema, ActivityDoneSchema, MyDaySchema } from '../../../../shared/modules/sales/schemas/activity.schema';
import type { ActivityType, LeadSource, LeadStatus, RelatedType } from '../../../../shared/modules/sales/domain/sales-vocabulary';

export type { Account, AccountContact, AccountCreate, AccountPatch, TimelineItem };
export type { AdminUser, User, Page, CompanyProfile, Contact, ContactCreate, ContactPatch };
export type { Audience, Locale, SelfServiceAudience, StaffRole };
export type LoginResult = z.infer<typeof LoginResultSchema>;
export type UserCreate = z.input<typeof UserCreateSchema>;
export type UserPatch = z.input<typeof UserPatchSchema>;
export type Registration = z.input<typeof RegisterSchema>;

export type { Lead, Opportunity, Stage, StageChange, Activity, ActivityType, LeadSource, LeadStatus, RelatedType };
export type LeadCreate = z.input<typeof LeadCreateSchema>;
export type LeadPatch = z.input<typeof LeadPatchSchema>;
export type LeadConvert = z.input<typeof LeadConvertSchema>;
export type LeadConvertResult = { accountId: string; contactId: string; opportunityId: string };
export type OpportunityCreate = z.input<typeof OpportunityCreateSchema>;
export type OpportunityPatch = z.input<typeof OpportunityPatchSchema>;
export type BoardColumn = z.infer<typeof BoardColumnSchema>;
export type Board = z.infer<typeof BoardSchema>;
export type ColumnTotal = BoardColumn['totals'][number];
export type Forecast = z.infer<typeof ForecastSchema>;
export type ForecastMonth = Forecast['months'][number];
export type ActivityCreate = z.input<typeof ActivityCreateSchema>;
export type ActivityPatch = z.input<typeof ActivityPatchSchema>;
export type ActivityDone = z.input<typeof ActivityDoneSchema>;
export type MyDay = z.infer<typeof MyDaySchema>;
export type Money = Opportunity['expectedRevenue'];

/** Values of the API's vocabularies, in display order; the type check keeps them within the API's lists. */
export const LEAD_STATUS_OPTIONS = ['new', 'qualified', 'converted', 'disqualified'] as const satisfies readonly LeadStatus[];
export const LEAD_SOURCE_OPTIONS = ['web', 'referral', 'partner', 'event', 'phone', 'email', 'import', 'other'] as const satisfies readonly LeadSource[];
export const ACTIVITY_TYPE_OPTIONS = ['call', 'meeting', 'task', 'email', 'note'] as const satisfies readonly ActivityType[];

/** The staff roles in display order; the type check keeps it equal to the API's list. */
export const STAFF_ROLE_OPTIONS = ['admin', 'sales', 'service', 'marketing', 'investor_relations'] as const satisfies readonly StaffRole[];
type MissingRole = Exclude<StaffRole, (typeof STAFF_ROLE_OPTIONS)[number]>;
const exhaustive: MissingRole extends never ? true : false = true;
void exhaustive;

// staff commerce: products, price lists and the sales documents (quote → order → invoice).
import type {
  PriceList,
  PriceListCreateSchema,
  Product,
  ProductCreateSchema,
  ProductPatchSchema,
} from '../../../../shared/modules/commerce/schemas/product.schema';
import type { DocumentLine, Quote, QuoteCreateSchema, QuoteLineInputSchema, QuotePatchSchema } from '../../../../shared/modules/commerce/schemas/quote.schema';
import type { Order } from '../../../../shared/modules/commerce/schemas/order.schema';
import type { Invoice, Payment } from '../../../../shared/modules/commerce/schemas/invoice.schema';
import type { InvoiceStatus, OrderStatus, QuoteStatus } from '../../../../shared/modules/sales/domain/sales-vocabulary';

export type { PriceList, Product, DocumentLine, Quote, Order, Invoice, Payment, InvoiceStatus, OrderStatus, QuoteStatus };
export type ProductCreate = z.input<typeof ProductCreateSchema>;
export type ProductPatch = z.input<typeof ProductPatchSchema>;
export type PriceListCreate = z.input<typeof PriceListCreateSchema>;
export type QuoteCreate = z.input<typeof QuoteCreateSchema>;
export type QuotePatch = z.input<typeof QuotePatchSchema>;
export type QuoteLineInput = z.input<typeof QuoteLineInputSchema>;

// lead import: CSV files imported in the background (the job's counters drive a progress bar).
import type { LeadImport, LeadImportCreate, LeadImportPreview } from '../../../../shared/modules/sales/schemas/lead-import.schema';
import type { ImportField } from '../../../../shared/modules/sales/domain/lead-import';

export type { LeadImport, LeadImportCreate, LeadImportPreview, ImportField };
export type LeadImportStatus = LeadImport['status'];
export type LeadImportRowError = LeadImport['errors'][number];

// service: tickets with their messages, the service settings and metrics; the knowledge base.
import type {
  AgentName,
  Attachment,
  CsatCreateSchema,
  ServiceMetricsSchema,
  Ticket,
  TicketCreateSchema,
  TicketMessage,
  TicketMessageCreateSchema,
  TicketPatchSchema,
} from '../../../../shared/modules/desk/schemas/ticket.schema';
import type { ServiceSettings } from '../../../../shared/modules/desk/schemas/service-settings.schema';
import type { KbArticle, KbArticleCreateSchema, KbArticlePatchSchema, KbCategory, KbFeedbackResult, KbSearchHit } from '../../../../shared/modules/kb/schemas/kb.schema';
import type {
  KbLanguage,
  KbStatus,
  KbVisibility,
  MessageChannel,
  MessageVisibility,
  TicketChannel,
  TicketPriority,
  TicketQueue,
  TicketSeverity,
  TicketStatus,
} from '../../../../shared/modules/desk/domain/service-vocabulary';

export type { AgentName, Attachment, Ticket, TicketMessage, ServiceSettings, KbArticle, KbCategory, KbFeedbackResult, KbSearchHit };
export type { KbLanguage, KbStatus, KbVisibility, MessageChannel, MessageVisibility, TicketChannel, TicketPriority, TicketQueue, TicketSeverity, TicketStatus };
export type TicketCreate = z.input<typeof TicketCreateSchema>;
export type TicketPatch = z.input<typeof TicketPatchSchema>;
export type TicketMessageCreate = z.input<typeof TicketMessageCreateSchema>;
export type CsatCreate = z.input<typeof CsatCreateSchema>;
export type Csat = NonNullable<Ticket['csat']>;
export type TicketSla = Ticket['sla'];
export type ServiceMetrics = z.infer<typeof ServiceMetricsSchema>;
export type MetricsSummary = Omit<ServiceMetrics, 'byAgent' | 'byTeam'>;
export type ServiceTeam = ServiceSettings['teams'][number];
export type CannedReply = ServiceSettings['cannedReplies'][number];
export type KbArticleCreate = z.input<typeof KbArticleCreateSchema>;
export type KbArticlePatch = z.input<typeof KbArticlePatchSchema>;

export {
  KB_LANGUAGES,
  KB_STATUSES,
  KB_VISIBILITIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_QUEUES,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
} from '../../../../shared/modules/desk/domain/service-vocabulary';

// ticket attachments: announced to the API, then PUT straight to the bucket with the presigned URL.
import type { AttachmentContentType, AttachmentUpload, AttachmentUploadCreate } from '../../../../shared/modules/desk/schemas/ticket-attachment.schema';

export type { AttachmentContentType, AttachmentUpload, AttachmentUploadCreate };
/** The file types a ticket takes (the `accept` of the file input), from the vocabulary the API checks against. */
export { ATTACHMENT_CONTENT_TYPES as ATTACHMENT_TYPE_OPTIONS } from '../../../../shared/modules/desk/domain/service-vocabulary';

// SLA policies: the service levels tickets are held to.
import type { SlaPolicy } from '../../../../shared/modules/desk/schemas/sla-policy.schema';

export type { SlaPolicy };

// service admin: the SLA policy editor and the service settings (teams, canned replies, escalation rules).
import type { SlaPolicyCreateSchema, SlaPolicyPatchSchema } from '../../../../shared/modules/desk/schemas/sla-policy.schema';
import type { ServiceSettingsInputSchema } from '../../../../shared/modules/desk/schemas/service-settings.schema';
import type { AccountTier, Weekday } from '../../../../shared/modules/desk/domain/service-vocabulary';
import type { ConditionOp, EscalationField } from '../../../../shared/modules/desk/domain/escalation';

export type { AccountTier, Weekday, ConditionOp, EscalationField };
export type SlaPolicyCreate = z.input<typeof SlaPolicyCreateSchema>;
export type SlaPolicyPatch = z.input<typeof SlaPolicyPatchSchema>;
export type ServiceSettingsInput = z.input<typeof ServiceSettingsInputSchema>;
export type EscalationRule = ServiceSettings['escalationRules'][number];
export type EscalationCondition = EscalationRule['conditions'][number];
export type EscalationAction = EscalationRule['actions'][number];
export { ACCOUNT_TIERS, DEFAULT_TIME_ZONE, WEEKDAYS } from '../../../../shared/modules/desk/domain/service-vocabulary';
