import { request } from './client';
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
};
