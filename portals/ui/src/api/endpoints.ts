import { request } from './client';
import type {
  Account,
  AccountContact,
  AccountCreate,
  AccountPatch,
  AdminUser,
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

/** Typed calls for every endpoint the portals use; paths and shapes follow API.md. */
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
  company: {
    get: () => request<CompanyProfile>('GET', '/company'),
  },
};
