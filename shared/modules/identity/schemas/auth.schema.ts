import { z } from '@hono/zod-openapi';
import { AUDIENCES, SELF_SERVICE_AUDIENCES, STAFF_ROLES, USER_STATUSES } from '../domain/identity';
import { LOCALES } from '../../../platform/locale';
import { isTimeZone } from '../domain/time-zone';
import { text } from '../../../platform/schemas/common.schema';

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** Passwords: long enough to matter, short enough that hashing cannot be abused. */
const password = z.string().min(10).max(128);

/** What every view of a login shows first: who it is and what it may reach. */
const loginFields = {
  id: z.string(),
  email: z.string(),
  name: z.string(),
  partyId: z.string(),
  audiences: z.array(z.enum(AUDIENCES)),
  roles: z.array(z.string()),
};

export const UserSchema = z
  .object({
    ...loginFields,
    accountId: z.string().optional(),
    partnerId: z.string().optional(),
    locale: z.enum(LOCALES),
    reminderLeadMinutes: z.number().int().optional().openapi({ description: 'Minutes before a planned call or meeting its owner is reminded (absent: 15)' }),
    timeZone: z.string().optional().openapi({ description: "IANA zone the portals show dates and times in (absent: the company's, Asia/Jakarta)", example: 'Asia/Makassar' }),
  })
  .openapi('User');
export type User = z.infer<typeof UserSchema>;

const deviceToken = z.string().max(512);
export const LoginSchema = z
  .object({
    email,
    password: z.string().min(1).max(128),
    deviceToken: deviceToken.optional().openapi({ description: 'The deviceToken of an earlier successful sign-in to this login (browsers send it as a cookie instead): its attempts are limited on their own, not with everyone else trying this login' }),
  })
  .strict()
  .openapi('Login');
export const LoginResultSchema = z
  .object({
    user: UserSchema,
    token: z.string(),
    deviceToken: deviceToken.openapi({ description: 'Keep it and send it with the next sign-in to this login: while others guess the password, this client can still sign in' }),
  })
  .openapi('LoginResult');
export const MeSchema = z.object({ user: UserSchema }).openapi('Me');

export const RegisterSchema = z
  .object({
    email,
    password,
    name: text(120),
    audience: z.enum(SELF_SERVICE_AUDIENCES),
    company: text(160).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict()
  .openapi('Register');

export const TokenSchema = z.object({ token: z.string().min(16).max(200) }).strict().openapi('Token');
export const PasswordResetSchema = z.object({ email }).strict().openapi('PasswordReset');
export const PasswordResetConfirmSchema = z.object({ token: z.string().min(16).max(200), password }).strict().openapi('PasswordResetConfirm');

export const ProfilePatchSchema = z
  .object({
    name: text(120).optional(),
    locale: z.enum(LOCALES).optional(),
    reminderLeadMinutes: z.number().int().min(0).max(1440).optional().openapi({ description: 'Minutes before a planned call or meeting you are reminded, 0–1440 (default 15)' }),
    timeZone: z.string().max(64).refine(isTimeZone, 'Unknown time zone').optional().openapi({ description: 'IANA zone to show dates and times in, e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura', example: 'Asia/Makassar' }),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
  .openapi('ProfilePatch');

/** A login as the staff administration screen shows it. */
export const AdminUserSchema = z
  .object({
    ...loginFields,
    status: z.enum(USER_STATUSES),
    locale: z.enum(LOCALES),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AdminUser');
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const UserCreateSchema = z
  .object({
    email,
    name: text(120),
    roles: z.array(z.enum(STAFF_ROLES)).min(1),
    password: password.optional().openapi({ description: 'Omit to e-mail the new user a link to set one' }),
    locale: z.enum(LOCALES).optional(),
  })
  .strict()
  .openapi('UserCreate');

export const UserPatchSchema = z
  .object({
    name: text(120).optional(),
    roles: z.array(z.enum(STAFF_ROLES)).min(1).optional(),
    disabled: z.boolean().optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('UserPatch');

export const UserListQuerySchema = z.object({
  audience: z.enum(AUDIENCES).optional().openapi({ param: { name: 'audience', in: 'query' } }),
});
