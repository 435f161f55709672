import { ApiError, request } from './client';
// lead import
import type { LeadImport, LeadImportCreate, LeadImportPreview } from './types';
// service
import type {
  AgentName,
  CsatCreate,
  KbArticle,
  KbArticleCreate,
  KbArticlePatch,
  KbCategory,
  KbFeedbackResult,
  KbLanguage,
  KbSearchHit,
  KbStatus,
  ServiceMetrics,
  ServiceSettings,
  ServiceSettingsInput,
  SlaPolicyCreate,
  SlaPolicyPatch,
  Ticket,
  TicketCreate,
  TicketMessage,
  TicketMessageCreate,
  TicketPatch,
  TicketQueue,
  AttachmentUpload,
  AttachmentUploadCreate,
  SlaPolicy,
} from './types';
// staff commerce
import type { Invoice, Order, OrderStatus, PriceList, PriceListCreate, Product, ProductCreate, ProductPatch, Quote, QuoteCreate, QuotePatch } from './types';
import type {
  Account,
  AccountContact,
  AccountCreate,
  AccountPatch,
  Activity,
  ActivityCreate,
  ActivityDone,
  ActivityPatch,
  AdminUser,
  Board,
  BoardColumn,
  Forecast,
  Lead,
  LeadConvert,
  LeadConvertResult,
  LeadCreate,
  LeadPatch,
  LeadStatus,
  MyDay,
  Opportunity,
  OpportunityCreate,
  OpportunityPatch,
  RelatedType,
  Stage,
  StageChange,
  Audience,
  CompanyProfile,
  Contact,
  ContactCreate,
  ContactPatch,
  Locale,
  LoginResult,
  Page,
  Registration,
  TimelineItem,
  User,
  UserCreate,
  UserPatch,
} from './types';

export type PageParams = { limit?: number; cursor?: string | null };
const enc = encodeURIComponent;

/**
 * Typed calls for every endpoint the portals use; paths and shapes follow API.md. Actions that
 * change a versioned record (convert, won, done…) send its version both as If-Match and in the body,
 * which their schemas accept, so a stale page is refused either way.
 */
export const api = {
  auth: {
    login: (body: { email: string; password: string }) => request<LoginResult>('POST', '/auth/login', { body }),
    logout: () => request<void>('POST', '/auth/logout'),
    me: () => request<{ user: User }>('GET', '/auth/me'),
    updateMe: (body: { name?: string; locale?: Locale }) => request<{ user: User }>('PATCH', '/auth/me', { body }),
    register: (body: Registration, idempotencyKey: string) => request<void>('POST', '/auth/register', { body, idempotencyKey }),
    verify: (token: string) => request<unknown>('POST', '/auth/verify', { body: { token } }),
    requestReset: (email: string) => request<void>('POST', '/auth/password-reset', { body: { email } }),
    confirmReset: (token: string, password: string) =>
      request<unknown>('POST', '/auth/password-reset/confirm', { body: { token, password } }),
  },
  users: {
    list: (params: PageParams & { audience?: Audience }) => request<Page<AdminUser>>('GET', '/users', { query: params }),
    create: (body: UserCreate, idempotencyKey: string) => request<AdminUser>('POST', '/users', { body, idempotencyKey }),
    update: (id: string, version: number, body: UserPatch) =>
      request<AdminUser>('PATCH', `/users/${enc(id)}`, { body, ifMatch: version }),
  },
  accounts: {
    list: (params: PageParams & { q?: string }) => request<Page<Account>>('GET', '/accounts', { query: params }),
    create: (body: AccountCreate, idempotencyKey: string) => request<Account>('POST', '/accounts', { body, idempotencyKey }),
    get: (id: string) => request<Account>('GET', `/accounts/${enc(id)}`),
    update: (id: string, version: number, body: AccountPatch) =>
      request<Account>('PATCH', `/accounts/${enc(id)}`, { body, ifMatch: version }),
    remove: (id: string, version: number) => request<void>('DELETE', `/accounts/${enc(id)}`, { ifMatch: version }),
    contacts: (id: string, params: PageParams) =>
      request<Page<AccountContact>>('GET', `/accounts/${enc(id)}/contacts`, { query: params }),
    linkContact: (id: string, contactId: string, role: string) =>
      request<AccountContact>('PUT', `/accounts/${enc(id)}/contacts/${enc(contactId)}`, { body: { role } }),
    unlinkContact: (id: string, contactId: string) =>
      request<void>('DELETE', `/accounts/${enc(id)}/contacts/${enc(contactId)}`),
    timeline: (id: string, params: PageParams) =>
      request<Page<TimelineItem>>('GET', `/accounts/${enc(id)}/timeline`, { query: params }),
    addNote: (id: string, body: string, idempotencyKey: string) =>
      request<TimelineItem>('POST', `/accounts/${enc(id)}/notes`, { body: { body }, idempotencyKey }),
  },
  contacts: {
    list: (params: PageParams & { q?: string }) => request<Page<Contact>>('GET', '/contacts', { query: params }),
    create: (body: ContactCreate, idempotencyKey: string) => request<Contact>('POST', '/contacts', { body, idempotencyKey }),
    get: (id: string) => request<Contact>('GET', `/contacts/${enc(id)}`),
    update: (id: string, version: number, body: ContactPatch) =>
      request<Contact>('PATCH', `/contacts/${enc(id)}`, { body, ifMatch: version }),
    remove: (id: string, version: number) => request<void>('DELETE', `/contacts/${enc(id)}`, { ifMatch: version }),
    accounts: (id: string, params: PageParams) =>
      request<Page<AccountContact>>('GET', `/contacts/${enc(id)}/accounts`, { query: params }),
    invite: (id: string, idempotencyKey: string) =>
      request<void>('POST', `/contacts/${enc(id)}/portal-access`, { idempotencyKey }),
  },
  leads: {
    list: (params: PageParams & { status?: LeadStatus; ownerId?: string }) => request<Page<Lead>>('GET', '/leads', { query: params }),
    create: (body: LeadCreate, idempotencyKey: string) => request<Lead>('POST', '/leads', { body, idempotencyKey }),
    get: (id: string) => request<Lead>('GET', `/leads/${enc(id)}`),
    update: (id: string, version: number, body: LeadPatch) => request<Lead>('PATCH', `/leads/${enc(id)}`, { body, ifMatch: version }),
    convert: (id: string, version: number, body: LeadConvert, idempotencyKey: string) =>
      request<LeadConvertResult>('POST', `/leads/${enc(id)}/convert`, { body: { ...body, version }, ifMatch: version, idempotencyKey }),
    disqualify: (id: string, version: number, reason: string, idempotencyKey: string) =>
      request<Lead>('POST', `/leads/${enc(id)}/disqualify`, { body: { reason, version }, ifMatch: version, idempotencyKey }),
  },
  pipeline: {
    stages: () => request<Stage[]>('GET', '/pipeline/stages'),
    board: () => request<Board>('GET', '/pipeline/board'),
    column: (stageId: string, cursor: string | null) =>
      request<BoardColumn>('GET', `/pipeline/board/${enc(stageId)}`, { query: { cursor } }),
    forecast: (ownerId?: string) => request<Partial<Forecast> | undefined>('GET', '/pipeline/forecast', { query: { ownerId } }),
  },
  opportunities: {
    list: (params: PageParams & { stage?: string; ownerId?: string; accountId?: string; status?: string }) =>
      request<Page<Opportunity>>('GET', '/opportunities', { query: params }),
    create: (body: OpportunityCreate, idempotencyKey: string) => request<Opportunity>('POST', '/opportunities', { body, idempotencyKey }),
    get: (id: string) => request<Opportunity>('GET', `/opportunities/${enc(id)}`),
    update: (id: string, version: number, body: OpportunityPatch) =>
      request<Opportunity>('PATCH', `/opportunities/${enc(id)}`, { body, ifMatch: version }),
    won: (id: string, version: number, idempotencyKey: string) =>
      request<Opportunity>('POST', `/opportunities/${enc(id)}/won`, { body: { version }, ifMatch: version, idempotencyKey }),
    lost: (id: string, version: number, reason: string, idempotencyKey: string) =>
      request<Opportunity>('POST', `/opportunities/${enc(id)}/lost`, { body: { reason, version }, ifMatch: version, idempotencyKey }),
    // The API may answer a bare array or a page; callers get a list either way.
    history: (id: string) =>
      request<StageChange[] | Page<StageChange>>('GET', `/opportunities/${enc(id)}/history`).then((body) =>
        Array.isArray(body) ? body : (body?.items ?? []),
      ),
  },
  activities: {
    list: (params: PageParams & { relatedType?: RelatedType; relatedId?: string; ownerId?: string; status?: 'planned' | 'done' }) =>
      request<Page<Activity>>('GET', '/activities', { query: params }),
    create: (body: ActivityCreate, idempotencyKey: string) => request<Activity>('POST', '/activities', { body, idempotencyKey }),
    update: (id: string, version: number, body: ActivityPatch) =>
      request<Activity>('PATCH', `/activities/${enc(id)}`, { body, ifMatch: version }),
    done: (id: string, version: number, body: ActivityDone, idempotencyKey: string) =>
      request<Activity>('POST', `/activities/${enc(id)}/done`, { body: { ...body, version }, ifMatch: version, idempotencyKey }),
    myDay: () => request<MyDay>('GET', '/activities/my-day'),
  },
  company: {
    get: () => request<CompanyProfile>('GET', '/company'),
  },
  // staff commerce: products, price lists, quotes, orders, invoices (amounts in minor units).
  products: {
    list: (params: PageParams & { active?: boolean }) => request<Page<Product>>('GET', '/products', { query: params }),
    create: (body: ProductCreate, idempotencyKey: string) => request<Product>('POST', '/products', { body, idempotencyKey }),
    get: (id: string) => request<Product>('GET', `/products/${enc(id)}`),
    update: (id: string, version: number, body: ProductPatch) =>
      request<Product>('PATCH', `/products/${enc(id)}`, { body, ifMatch: version }),
  },
  priceLists: {
    list: (params: PageParams & { currency: string }) => request<Page<PriceList>>('GET', '/price-lists', { query: params }),
    create: (body: PriceListCreate, idempotencyKey: string) => request<PriceList>('POST', '/price-lists', { body, idempotencyKey }),
    get: (id: string) => request<PriceList>('GET', `/price-lists/${enc(id)}`),
  },
  quotes: {
    list: (params: PageParams & { accountId?: string }) => request<Page<Quote>>('GET', '/quotes', { query: params }),
    create: (body: QuoteCreate, idempotencyKey: string) => request<Quote>('POST', '/quotes', { body, idempotencyKey }),
    get: (id: string) => request<Quote>('GET', `/quotes/${enc(id)}`),
    update: (id: string, version: number, body: QuotePatch) => request<Quote>('PATCH', `/quotes/${enc(id)}`, { body, ifMatch: version }),
    send: (id: string, idempotencyKey: string) => request<Quote>('POST', `/quotes/${enc(id)}/send`, { idempotencyKey }),
    accept: (id: string, idempotencyKey: string) => request<Quote>('POST', `/quotes/${enc(id)}/accept`, { idempotencyKey }),
    confirm: (id: string, idempotencyKey: string) => request<{ orderId: string }>('POST', `/quotes/${enc(id)}/confirm`, { idempotencyKey }),
    /** Same-origin address of the PDF, for a download link (the session cookie goes along). */
    pdfUrl: (id: string) => `/api/v1/quotes/${enc(id)}/pdf`,
  },
  orders: {
    list: (params: PageParams & { accountId?: string }) => request<Page<Order>>('GET', '/orders', { query: params }),
    get: (id: string) => request<Order>('GET', `/orders/${enc(id)}`),
    setStatus: (id: string, version: number, status: OrderStatus) =>
      request<Order>('PATCH', `/orders/${enc(id)}`, { body: { status }, ifMatch: version }),
    invoice: (id: string, idempotencyKey: string) => request<{ invoiceId: string }>('POST', `/orders/${enc(id)}/invoice`, { idempotencyKey }),
  },
  invoices: {
    list: (params: PageParams & { accountId?: string }) => request<Page<Invoice>>('GET', '/invoices', { query: params }),
    get: (id: string) => request<Invoice>('GET', `/invoices/${enc(id)}`),
    recordPayment: (id: string, amount: number, idempotencyKey: string) =>
      request<Invoice>('POST', `/invoices/${enc(id)}/payments`, { body: { amount }, idempotencyKey }),
    pdfUrl: (id: string) => `/api/v1/invoices/${enc(id)}/pdf`,
  },
  // lead import: preview the start of a CSV file, start an import (202, then poll get), list them.
  leadImports: {
    preview: (csv: string) => request<LeadImportPreview>('POST', '/lead-imports/preview', { body: { csv } }),
    start: (body: LeadImportCreate, idempotencyKey: string) => request<LeadImport>('POST', '/lead-imports', { body, idempotencyKey }),
    list: (params: PageParams) => request<Page<LeadImport>>('GET', '/lead-imports', { query: params }),
    get: (id: string, signal?: AbortSignal) => request<LeadImport>('GET', `/lead-imports/${enc(id)}`, { signal }),
    retryChunk: (id: string, chunkNo: number) => request<LeadImport>('POST', `/lead-imports/${enc(id)}/chunks/${chunkNo}/retry`),
  },
  // service: tickets (staff work queues; a customer's list holds its own tickets), their thread, the desk's settings and metrics.
  tickets: {
    list: (params: PageParams & { queue?: TicketQueue; accountId?: string }) => request<Page<Ticket>>('GET', '/tickets', { query: params }),
    create: (body: TicketCreate, idempotencyKey: string) => request<Ticket>('POST', '/tickets', { body, idempotencyKey }),
    get: (id: string) => request<Ticket>('GET', `/tickets/${enc(id)}`),
    update: (id: string, version: number, body: TicketPatch) => request<Ticket>('PATCH', `/tickets/${enc(id)}`, { body, ifMatch: version }),
    messages: (id: string, params: PageParams) => request<Page<TicketMessage>>('GET', `/tickets/${enc(id)}/messages`, { query: params }),
    reply: (id: string, body: TicketMessageCreate, idempotencyKey: string) =>
      request<TicketMessage>('POST', `/tickets/${enc(id)}/messages`, { body, idempotencyKey }),
    rate: (id: string, body: CsatCreate, idempotencyKey: string) => request<Ticket>('POST', `/tickets/${enc(id)}/csat`, { body, idempotencyKey }),
    /** Announces a file; the answer says where to PUT it (see `putPresigned`), then a message references its id. */
    announceAttachment: (id: string, body: AttachmentUploadCreate, idempotencyKey: string) =>
      request<AttachmentUpload>('POST', `/tickets/${enc(id)}/attachments`, { body, idempotencyKey }),
    /** Same-origin address of an attachment: the API checks access, then redirects to a short-lived download. */
    attachmentUrl: (id: string, attachmentId: string) => `/api/v1/tickets/${enc(id)}/attachments/${enc(attachmentId)}`,
  },
  serviceSettings: {
    get: () => request<ServiceSettings>('GET', '/service-settings'),
    /** Replaces the whole document, only if it is still at `version` (the one read; 0 before the first save). */
    replace: (version: number, body: ServiceSettingsInput) => request<ServiceSettings>('PUT', '/service-settings', { body, ifMatch: version }),
  },
  slaPolicies: {
    list: (params: PageParams) => request<Page<SlaPolicy>>('GET', '/sla-policies', { query: params }),
    get: (id: string) => request<SlaPolicy>('GET', `/sla-policies/${enc(id)}`),
    create: (body: SlaPolicyCreate, idempotencyKey: string) => request<SlaPolicy>('POST', '/sla-policies', { body, idempotencyKey }),
    update: (id: string, version: number, body: SlaPolicyPatch) =>
      request<SlaPolicy>('PATCH', `/sla-policies/${enc(id)}`, { body, ifMatch: version }),
  },
  serviceAgents: {
    names: (ids: string[]) => request<{ items: AgentName[] }>('GET', '/service/agents', { query: { ids: ids.join(',') } }),
  },
  serviceMetrics: {
    get: (from: string, to: string) => request<ServiceMetrics>('GET', '/service/metrics', { query: { from, to } }),
  },
  // knowledge base: published public articles need no sign-in; staff also see drafts, archived and internal ones.
  kb: {
    list: (params: PageParams & { lang?: KbLanguage; category?: string; status?: KbStatus }) =>
      request<Page<KbArticle>>('GET', '/kb/articles', { query: params }),
    get: (id: string) => request<KbArticle>('GET', `/kb/articles/${enc(id)}`),
    bySlug: (slug: string, lang: KbLanguage) => request<KbArticle>('GET', `/kb/articles/by-slug/${enc(slug)}`, { query: { lang } }),
    create: (body: KbArticleCreate, idempotencyKey: string) => request<KbArticle>('POST', '/kb/articles', { body, idempotencyKey }),
    update: (id: string, version: number, body: KbArticlePatch) => request<KbArticle>('PATCH', `/kb/articles/${enc(id)}`, { body, ifMatch: version }),
    feedback: (id: string, helpful: boolean, idempotencyKey: string) =>
      request<KbFeedbackResult>('POST', `/kb/articles/${enc(id)}/feedback`, { body: { helpful }, idempotencyKey }),
    search: (q: string, lang: KbLanguage, signal?: AbortSignal) => request<Page<KbSearchHit>>('GET', '/kb/search', { query: { q, lang }, signal }),
    categories: (lang: KbLanguage) => request<Page<KbCategory>>('GET', '/kb/categories', { query: { lang } }),
  },
};

// Headers the browser sets itself and refuses from scripts.
const BROWSER_HEADERS = new Set(['content-length', 'host']);

/**
 * PUTs a file to a presigned storage URL with the headers the API named, reporting progress
 * (0–1). XMLHttpRequest, because fetch cannot report the progress of an upload.
 */
export function putPresigned(upload: AttachmentUpload, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', upload.uploadUrl);
    for (const [name, value] of Object.entries(upload.headers)) if (!BROWSER_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'upload_failed', xhr.statusText || `HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The file storage could not be reached.'));
    xhr.send(file);
  });
}
