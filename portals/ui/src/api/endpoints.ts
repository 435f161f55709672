import { ApiError, call } from './client';
import type {
  AccountCreate,
  AccountPatch,
  ActivityCreate,
  ActivityDone,
  ActivityPatch,
  AttachmentUpload,
  AttachmentUploadCreate,
  Audience,
  ContactCreate,
  ContactPatch,
  CsatCreate,
  ExportCreate,
  KbArticleCreate,
  KbArticlePatch,
  KbLanguage,
  KbStatus,
  LeadConvert,
  LeadCreate,
  LeadImportCreate,
  LeadPatch,
  LeadStatus,
  Login,
  OpportunityCreate,
  OpportunityPatch,
  OrderStatus,
  PaymentInstructionsPut,
  PriceListCreate,
  ProfilePatch,
  ProductCreate,
  ProductPatch,
  QuoteCreate,
  QuotePatch,
  Registration,
  RelatedType,
  ServiceSettingsInput,
  SlaPolicyCreate,
  SlaPolicyPatch,
  TicketCreate,
  TicketMessageCreate,
  TicketPatch,
  TicketQueue,
  UserCreate,
  UserPatch,
} from './types';

export type PageParams = { limit?: number; cursor?: string | null };
const enc = encodeURIComponent;

/**
 * Calls for every endpoint the portals use, typed by the OpenAPI document (schema.gen.ts). Actions that
 * change a versioned record (convert, won, done…) send its version both as If-Match and in the body,
 * which their schemas accept, so a stale page is refused either way.
 */
export const api = {
  auth: {
    login: (body: Login) => call('post', '/auth/login', { body }),
    logout: () => call('post', '/auth/logout'),
    me: () => call('get', '/auth/me'),
    updateMe: (body: ProfilePatch) => call('patch', '/auth/me', { body }),
    register: (body: Registration, idempotencyKey: string): Promise<void> => call('post', '/auth/register', { body, idempotencyKey }).then(() => undefined),
    verify: (token: string) => call('post', '/auth/verify', { body: { token } }),
    requestReset: (email: string): Promise<void> => call('post', '/auth/password-reset', { body: { email } }).then(() => undefined),
    confirmReset: (token: string, password: string) =>
      call('post', '/auth/password-reset/confirm', { body: { token, password } }),
  },
  /** The staff header's global search; `signal` cancels a request the typing has overtaken. */
  search: (q: string, signal?: AbortSignal) => call('get', '/search', { query: { q }, signal }),
  users: {
    list: (params: PageParams & { audience?: Audience }) => call('get', '/users', { query: params }),
    create: (body: UserCreate, idempotencyKey: string) => call('post', '/users', { body, idempotencyKey }),
    update: (id: string, version: number, body: UserPatch) =>
      call('patch', '/users/{id}', { path: { id }, body, ifMatch: version }),
    signIns: () => call('get', '/users/sign-ins'),
  },
  accounts: {
    list: (params: PageParams & { q?: string }) => call('get', '/accounts', { query: params }),
    create: (body: AccountCreate, idempotencyKey: string) => call('post', '/accounts', { body, idempotencyKey }),
    get: (id: string) => call('get', '/accounts/{id}', { path: { id } }),
    update: (id: string, version: number, body: AccountPatch) =>
      call('patch', '/accounts/{id}', { path: { id }, body, ifMatch: version }),
    remove: (id: string, version: number) => call('delete', '/accounts/{id}', { path: { id }, ifMatch: version }),
    contacts: (id: string, params: PageParams) =>
      call('get', '/accounts/{id}/contacts', { path: { id }, query: params }),
    linkContact: (id: string, contactId: string, role: string) =>
      call('put', '/accounts/{id}/contacts/{contactId}', { path: { id, contactId }, body: { role } }),
    unlinkContact: (id: string, contactId: string) =>
      call('delete', '/accounts/{id}/contacts/{contactId}', { path: { id, contactId } }),
    timeline: (id: string, params: PageParams) =>
      call('get', '/accounts/{id}/timeline', { path: { id }, query: params }),
    addNote: (id: string, body: string, idempotencyKey: string) =>
      call('post', '/accounts/{id}/notes', { path: { id }, body: { body }, idempotencyKey }),
  },
  contacts: {
    list: (params: PageParams & { q?: string }) => call('get', '/contacts', { query: params }),
    create: (body: ContactCreate, idempotencyKey: string) => call('post', '/contacts', { body, idempotencyKey }),
    get: (id: string) => call('get', '/contacts/{id}', { path: { id } }),
    update: (id: string, version: number, body: ContactPatch) =>
      call('patch', '/contacts/{id}', { path: { id }, body, ifMatch: version }),
    remove: (id: string, version: number) => call('delete', '/contacts/{id}', { path: { id }, ifMatch: version }),
    accounts: (id: string, params: PageParams) =>
      call('get', '/contacts/{id}/accounts', { path: { id }, query: params }),
    invite: (id: string, idempotencyKey: string): Promise<void> => call('post', '/contacts/{id}/portal-access', { path: { id }, idempotencyKey }).then(() => undefined),
  },
  leads: {
    list: (params: PageParams & { status?: LeadStatus; ownerId?: string }) => call('get', '/leads', { query: params }),
    create: (body: LeadCreate, idempotencyKey: string) => call('post', '/leads', { body, idempotencyKey }),
    get: (id: string) => call('get', '/leads/{id}', { path: { id } }),
    update: (id: string, version: number, body: LeadPatch) => call('patch', '/leads/{id}', { path: { id }, body, ifMatch: version }),
    convert: (id: string, version: number, body: LeadConvert, idempotencyKey: string) =>
      call('post', '/leads/{id}/convert', { path: { id }, body: { ...body, version }, ifMatch: version, idempotencyKey }),
    disqualify: (id: string, version: number, reason: string, idempotencyKey: string) =>
      call('post', '/leads/{id}/disqualify', { path: { id }, body: { reason, version }, ifMatch: version, idempotencyKey }),
  },
  pipeline: {
    stages: () => call('get', '/pipeline/stages'),
    board: () => call('get', '/pipeline/board'),
    column: (stageId: string, cursor: string | null) =>
      call('get', '/pipeline/board/{stageId}', { path: { stageId }, query: { cursor } }),
    forecast: (ownerId?: string) => call('get', '/pipeline/forecast', { query: ownerId ? { ownerId } : { everyone: 'true' } }),
  },
  opportunities: {
    list: (params: PageParams & { stage?: string; ownerId?: string; accountId?: string; status?: string }) =>
      call('get', '/opportunities', { query: params }),
    create: (body: OpportunityCreate, idempotencyKey: string) => call('post', '/opportunities', { body, idempotencyKey }),
    get: (id: string) => call('get', '/opportunities/{id}', { path: { id } }),
    update: (id: string, version: number, body: OpportunityPatch) =>
      call('patch', '/opportunities/{id}', { path: { id }, body, ifMatch: version }),
    won: (id: string, version: number, idempotencyKey: string) =>
      call('post', '/opportunities/{id}/won', { path: { id }, body: { version }, ifMatch: version, idempotencyKey }),
    lost: (id: string, version: number, reason: string, idempotencyKey: string) =>
      call('post', '/opportunities/{id}/lost', { path: { id }, body: { reason, version }, ifMatch: version, idempotencyKey }),
    history: (id: string) => call('get', '/opportunities/{id}/history', { path: { id } }).then((page) => page.items),
  },
  activities: {
    list: (params: PageParams & { relatedType?: RelatedType; relatedId?: string; ownerId?: string; status?: 'planned' | 'done' }) =>
      call('get', '/activities', { query: params }),
    create: (body: ActivityCreate, idempotencyKey: string) => call('post', '/activities', { body, idempotencyKey }),
    update: (id: string, version: number, body: ActivityPatch) =>
      call('patch', '/activities/{id}', { path: { id }, body, ifMatch: version }),
    done: (id: string, version: number, body: ActivityDone, idempotencyKey: string) =>
      call('post', '/activities/{id}/done', { path: { id }, body: { ...body, version }, ifMatch: version, idempotencyKey }),
    myDay: () => call('get', '/activities/my-day'),
  },
  company: {
    get: () => call('get', '/company'),
    paymentInstructions: () => call('get', '/company/payment-instructions'),
    replacePaymentInstructions: (version: number, body: PaymentInstructionsPut) => call('put', '/company/payment-instructions', { body, ifMatch: version }),
  },
  // staff commerce: products, price lists, quotes, orders, invoices (amounts in minor units).
  products: {
    list: (params: PageParams & { active?: boolean }) => call('get', '/products', { query: params }),
    create: (body: ProductCreate, idempotencyKey: string) => call('post', '/products', { body, idempotencyKey }),
    get: (id: string) => call('get', '/products/{id}', { path: { id } }),
    update: (id: string, version: number, body: ProductPatch) =>
      call('patch', '/products/{id}', { path: { id }, body, ifMatch: version }),
  },
  priceLists: {
    list: (params: PageParams & { currency: string }) => call('get', '/price-lists', { query: params }),
    create: (body: PriceListCreate, idempotencyKey: string) => call('post', '/price-lists', { body, idempotencyKey }),
    get: (id: string) => call('get', '/price-lists/{id}', { path: { id } }),
  },
  quotes: {
    list: (params: PageParams & { accountId?: string }) => call('get', '/quotes', { query: params }),
    create: (body: QuoteCreate, idempotencyKey: string) => call('post', '/quotes', { body, idempotencyKey }),
    get: (id: string) => call('get', '/quotes/{id}', { path: { id } }),
    update: (id: string, version: number, body: QuotePatch) => call('patch', '/quotes/{id}', { path: { id }, body, ifMatch: version }),
    send: (id: string, idempotencyKey: string) => call('post', '/quotes/{id}/send', { path: { id }, idempotencyKey }),
    accept: (id: string, idempotencyKey: string) => call('post', '/quotes/{id}/accept', { path: { id }, idempotencyKey }),
    confirm: (id: string, idempotencyKey: string) => call('post', '/quotes/{id}/confirm', { path: { id }, idempotencyKey }),
    /** Same-origin address of the PDF, for a download link (the session cookie goes along). */
    pdfUrl: (id: string) => `/api/v1/quotes/${enc(id)}/pdf`,
  },
  orders: {
    list: (params: PageParams & { accountId?: string }) => call('get', '/orders', { query: params }),
    get: (id: string) => call('get', '/orders/{id}', { path: { id } }),
    setStatus: (id: string, version: number, status: OrderStatus) =>
      call('patch', '/orders/{id}', { path: { id }, body: { status }, ifMatch: version }),
    invoice: (id: string, idempotencyKey: string) => call('post', '/orders/{id}/invoice', { path: { id }, idempotencyKey }),
  },
  invoices: {
    list: (params: PageParams & { accountId?: string }) => call('get', '/invoices', { query: params }),
    get: (id: string) => call('get', '/invoices/{id}', { path: { id } }),
    recordPayment: (id: string, amount: number, idempotencyKey: string) =>
      call('post', '/invoices/{id}/payments', { path: { id }, body: { amount }, idempotencyKey }),
    pdfUrl: (id: string) => `/api/v1/invoices/${enc(id)}/pdf`,
  },
  // lead import: preview the start of a CSV file, start an import (202, then poll get), list them.
  leadImports: {
    preview: (csv: string) => call('post', '/lead-imports/preview', { body: { csv } }),
    start: (body: LeadImportCreate, idempotencyKey: string) => call('post', '/lead-imports', { body, idempotencyKey }),
    list: (params: PageParams) => call('get', '/lead-imports', { query: params }),
    get: (id: string, signal?: AbortSignal) => call('get', '/lead-imports/{id}', { path: { id }, signal }),
    retryChunk: (id: string, chunkNo: number) => call('post', '/lead-imports/{id}/chunks/{chunkNo}/retry', { path: { id, chunkNo } }),
  },
  // service: tickets (staff work queues; a customer's list holds its own tickets), their thread, the desk's settings and metrics.
  tickets: {
    list: (params: PageParams & { queue?: TicketQueue; accountId?: string }) => call('get', '/tickets', { query: params }),
    create: (body: TicketCreate, idempotencyKey: string) => call('post', '/tickets', { body, idempotencyKey }),
    get: (id: string) => call('get', '/tickets/{id}', { path: { id } }),
    update: (id: string, version: number, body: TicketPatch) => call('patch', '/tickets/{id}', { path: { id }, body, ifMatch: version }),
    messages: (id: string, params: PageParams) => call('get', '/tickets/{id}/messages', { path: { id }, query: params }),
    reply: (id: string, body: TicketMessageCreate, idempotencyKey: string) =>
      call('post', '/tickets/{id}/messages', { path: { id }, body, idempotencyKey }),
    rate: (id: string, body: CsatCreate, idempotencyKey: string) => call('post', '/tickets/{id}/csat', { path: { id }, body, idempotencyKey }),
    /** Announces a file; the answer says where to PUT it (see `putPresigned`), then a message references its id. */
    announceAttachment: (id: string, body: AttachmentUploadCreate, idempotencyKey: string) =>
      call('post', '/tickets/{id}/attachments', { path: { id }, body, idempotencyKey }),
    /** Same-origin address of an attachment: the API checks access, then redirects to a short-lived download. */
    attachmentUrl: (id: string, attachmentId: string) => `/api/v1/tickets/${enc(id)}/attachments/${enc(attachmentId)}`,
  },
  serviceSettings: {
    get: () => call('get', '/service-settings'),
    /** Replaces the whole document, only if it is still at `version` (the one read; 0 before the first save). */
    replace: (version: number, body: ServiceSettingsInput) => call('put', '/service-settings', { body, ifMatch: version }),
  },
  slaPolicies: {
    list: (params: PageParams) => call('get', '/sla-policies', { query: params }),
    get: (id: string) => call('get', '/sla-policies/{id}', { path: { id } }),
    create: (body: SlaPolicyCreate, idempotencyKey: string) => call('post', '/sla-policies', { body, idempotencyKey }),
    update: (id: string, version: number, body: SlaPolicyPatch) =>
      call('patch', '/sla-policies/{id}', { path: { id }, body, ifMatch: version }),
  },
  serviceAgents: {
    names: (ids: string[]) => call('get', '/service/agents', { query: { ids: ids.join(',') } }),
  },
  serviceMetrics: {
    get: (from: string, to: string) => call('get', '/service/metrics', { query: { from, to } }),
  },
  // knowledge base: published public articles need no sign-in; staff also see drafts, archived and internal ones.
  kb: {
    list: (params: PageParams & { lang?: KbLanguage; category?: string; status?: KbStatus }) =>
      call('get', '/kb/articles', { query: params }),
    get: (id: string) => call('get', '/kb/articles/{id}', { path: { id } }),
    bySlug: (slug: string, lang: KbLanguage) => call('get', '/kb/articles/by-slug/{slug}', { path: { slug }, query: { lang } }),
    create: (body: KbArticleCreate, idempotencyKey: string) => call('post', '/kb/articles', { body, idempotencyKey }),
    update: (id: string, version: number, body: KbArticlePatch) => call('patch', '/kb/articles/{id}', { path: { id }, body, ifMatch: version }),
    feedback: (id: string, helpful: boolean, idempotencyKey: string) =>
      call('post', '/kb/articles/{id}/feedback', { path: { id }, body: { helpful }, idempotencyKey }),
    search: (q: string, lang: KbLanguage, signal?: AbortSignal) => call('get', '/kb/search', { query: { q, lang }, signal }),
    categories: (lang: KbLanguage) => call('get', '/kb/categories', { query: { lang } }),
  },
  /** The staff header's bell: the caller's own notifications. */
  notifications: {
    list: (page: PageParams = {}) => call('get', '/notifications', { query: page }),
    unread: () => call('get', '/notifications/unread-count'),
    markRead: (id: string) => call('post', '/notifications/{id}/read', { path: { id } }),
    markAllRead: () => call('post', '/notifications/read-all'),
  },
  exports: {
    start: (body: ExportCreate, idempotencyKey: string) => call('post', '/exports', { body, idempotencyKey }),
    get: (id: string) => call('get', '/exports/{id}', { path: { id } }),
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
