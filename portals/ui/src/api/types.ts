import type { components, paths } from './schema.gen';

/**
 * The API's shapes under the names the portals use: aliases of the types generated from the
 * OpenAPI document (schema.gen.ts, `npm run api:types`), so a screen and the API cannot drift apart.
 */
type Schemas = components['schemas'];

/** One page of a list: `?limit=&cursor=` → `{items, nextCursor}`. */
export type Page<T> = { items: T[]; nextCursor: string | null };

// identity: sign-in, the signed-in user, registration and the staff's user admin.
export type User = Schemas['User'];
export type AdminUser = Schemas['AdminUser'];
export type LoginResult = Schemas['LoginResult'];
export type Login = Schemas['Login'];
export type ProfilePatch = Schemas['ProfilePatch'];
export type UserCreate = Schemas['UserCreate'];
export type UserPatch = Schemas['UserPatch'];
export type Registration = Schemas['Register'];
export type Audience = User['audiences'][number];
export type SelfServiceAudience = Registration['audience'];
export type StaffRole = UserCreate['roles'][number];
export type Locale = User['locale'];

// crm: accounts, contacts, the timeline and the company's own profile.
export type Account = Schemas['Account'];
export type AccountContact = Schemas['AccountContact'];
export type AccountCreate = Schemas['AccountCreate'];
export type AccountPatch = Schemas['AccountPatch'];
export type TimelineItem = Schemas['TimelineItem'];
export type Contact = Schemas['Contact'];
export type ContactCreate = Schemas['ContactCreate'];
export type ContactPatch = Schemas['ContactPatch'];
export type CompanyProfile = Schemas['CompanyProfile'];

// sales: leads, the pipeline, opportunities and activities.
export type Lead = Schemas['Lead'];
export type LeadCreate = Schemas['LeadCreate'];
export type LeadPatch = Schemas['LeadPatch'];
export type LeadConvert = Schemas['LeadConvert'];
export type LeadConvertResult = Schemas['LeadConvertResult'];
export type LeadSource = Lead['source'];
export type LeadStatus = Lead['status'];
export type Stage = Schemas['Stage'];
export type StageChange = Schemas['StageChange'];
export type Board = Schemas['Board'];
export type BoardColumn = Schemas['BoardColumn'];
export type ColumnTotal = BoardColumn['totals'][number];
export type Forecast = Schemas['Forecast'];
export type ForecastMonth = Forecast['months'][number];
export type Opportunity = Schemas['Opportunity'];
export type OpportunityCreate = Schemas['OpportunityCreate'];
export type OpportunityPatch = Schemas['OpportunityPatch'];
export type Money = Schemas['Money'];
export type Activity = Schemas['Activity'];
export type ActivityCreate = Schemas['ActivityCreate'];
export type ActivityPatch = Schemas['ActivityPatch'];
export type ActivityDone = Schemas['ActivityDone'];
export type ActivityType = Activity['type'];
export type RelatedType = Activity['related']['type'];
export type MyDay = Schemas['MyDay'];

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
export type Product = Schemas['Product'];
export type ProductCreate = Schemas['ProductCreate'];
export type ProductPatch = Schemas['ProductPatch'];
export type PriceList = Schemas['PriceList'];
export type PriceListCreate = Schemas['PriceListCreate'];
export type DocumentLine = Schemas['DocumentLine'];
export type Quote = Schemas['Quote'];
export type QuoteCreate = Schemas['QuoteCreate'];
export type QuotePatch = Schemas['QuotePatch'];
export type QuoteLineInput = Schemas['QuoteLineInput'];
export type QuoteStatus = Quote['status'];
export type Order = Schemas['Order'];
export type OrderStatus = Order['status'];
export type Invoice = Schemas['Invoice'];
export type InvoiceStatus = Invoice['status'];
export type Payment = Schemas['Payment'];
export type InvoicePayment = Schemas['InvoicePayment'];
export type PaymentInstructions = Schemas['PaymentInstructions'];
export type PaymentInstructionsPut = Schemas['PaymentInstructionsPut'];

// lead import: CSV files imported in the background (the job's counters drive a progress bar).
export type LeadImport = Schemas['LeadImport'];
export type ExportCreate = Schemas['ExportCreate'];
export type ExportJob = Schemas['Export'];
export type LeadImportCreate = Schemas['LeadImportCreate'];
export type LeadImportPreview = Schemas['LeadImportPreview'];
export type ImportField = Schemas['LeadImportField'];
export type LeadImportStatus = LeadImport['status'];
export type LeadImportRowError = Schemas['LeadImportRowError'];

// service: tickets with their messages, the service settings and metrics; the knowledge base.
export type Ticket = Schemas['Ticket'];
export type TicketCreate = Schemas['TicketCreate'];
export type TicketPatch = Schemas['TicketPatch'];
export type TicketSla = Schemas['TicketSla'];
export type TicketChannel = Ticket['channel'];
export type TicketPriority = Ticket['priority'];
export type TicketStatus = Ticket['status'];
export type TicketSeverity = NonNullable<Ticket['severity']>;
export type TicketQueue = NonNullable<NonNullable<paths['/tickets']['get']['parameters']['query']>['queue']>;
export type TicketMessage = Schemas['TicketMessage'];
export type TicketMessageCreate = Schemas['TicketMessageCreate'];
export type MessageChannel = TicketMessage['channel'];
export type MessageVisibility = TicketMessage['visibility'];
export type Attachment = Schemas['TicketAttachment'];
export type Csat = Schemas['Csat'];
export type CsatCreate = Schemas['CsatCreate'];
export type AgentName = Schemas['AgentName'];
export type ServiceMetrics = Schemas['ServiceMetrics'];
export type MetricsSummary = Omit<ServiceMetrics, 'byAgent' | 'byTeam' | 'byDay'>;
export type MetricsDay = ServiceMetrics['byDay'][number];
export type ServiceSettings = Schemas['ServiceSettings'];
export type ServiceSettingsInput = Schemas['ServiceSettingsInput'];
export type ServiceTeam = Schemas['ServiceTeam'];
export type CannedReply = Schemas['CannedReply'];
export type EscalationRule = Schemas['EscalationRule'];
export type EscalationCondition = EscalationRule['conditions'][number];
export type EscalationAction = EscalationRule['actions'][number];
export type ConditionOp = EscalationCondition['op'];
export type EscalationField = EscalationCondition['field'];
export type KbArticle = Schemas['KbArticle'];
export type KbArticleCreate = Schemas['KbArticleCreate'];
export type KbArticlePatch = Schemas['KbArticlePatch'];
export type KbCategory = Schemas['KbCategory'];
export type KbFeedbackResult = Schemas['KbFeedbackResult'];
export type KbSearchHit = Schemas['KbSearchHit'];
export type KbLanguage = KbArticle['language'];
export type KbStatus = KbArticle['status'];
export type KbVisibility = KbArticle['visibility'];

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
export type AttachmentUpload = Schemas['AttachmentUpload'];
export type AttachmentUploadCreate = Schemas['AttachmentUploadCreate'];
/** The file types a ticket takes (the `accept` of the file input), from the vocabulary the API checks against. */
export { ATTACHMENT_CONTENT_TYPES as ATTACHMENT_TYPE_OPTIONS } from '../../../../shared/modules/desk/domain/service-vocabulary';

// SLA policies: the service levels tickets are held to, and who they apply to.
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaPolicyCreate = Schemas['SlaPolicyCreate'];
export type SlaPolicyPatch = Schemas['SlaPolicyPatch'];
export type AccountTier = NonNullable<Schemas['SlaAppliesTo']['accountTiers']>[number];
export type Weekday = keyof Schemas['WeekHours'];
export { ACCOUNT_TIERS, DEFAULT_TIME_ZONE, WEEKDAYS } from '../../../../shared/modules/desk/domain/service-vocabulary';

// The staff header's global search: hits grouped by record type.
export type SearchHit = Schemas['SearchHit'];
export type Notification = Schemas['Notification'];
export type SearchType = SearchHit['type'];
