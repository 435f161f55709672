import type { z } from '@hono/zod-openapi';
import type { Account, AccountContact, AccountCreate, AccountPatch, TimelineItem } from '../../../../shared/schemas/account.schema';
import type { AdminUser, LoginResultSchema, User, UserCreateSchema, UserPatchSchema, RegisterSchema } from '../../../../shared/schemas/auth.schema';
import type { Page } from '../../../../shared/schemas/common.schema';
import type { CompanyProfile } from '../../../../shared/schemas/company.schema';
import type { Contact, ContactCreate, ContactPatch } from '../../../../shared/schemas/contact.schema';
import type { Audience, Locale, SelfServiceAudience, StaffRole } from '../../../../shared/domain/identity';

export type { Account, AccountContact, AccountCreate, AccountPatch, TimelineItem };
export type { AdminUser, User, Page, CompanyProfile, Contact, ContactCreate, ContactPatch };
export type { Audience, Locale, SelfServiceAudience, StaffRole };
export type LoginResult = z.infer<typeof LoginResultSchema>;
export type UserCreate = z.input<typeof UserCreateSchema>;
export type UserPatch = z.input<typeof UserPatchSchema>;
export type Registration = z.input<typeof RegisterSchema>;

/** The staff roles in display order; the type check keeps it equal to the API's list. */
export const STAFF_ROLE_OPTIONS = ['admin', 'sales', 'service', 'marketing', 'investor_relations'] as const satisfies readonly StaffRole[];
type MissingRole = Exclude<StaffRole, (typeof STAFF_ROLE_OPTIONS)[number]>;
const exhaustive: MissingRole extends never ? true : false = true;
void exhaustive;
