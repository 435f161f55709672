import type { z } from '@hono/zod-openapi';
import type { AdminUser, UserCreateSchema, UserPatchSchema } from '../schemas/auth.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor, Audience } from '../domain/identity';
import { enforce } from '../../../platform/access';
import { adminPolicy } from '../policy';
import { contactPolicy } from '../../crm/policy';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../platform/errors';
import { newPartyRecord, partyName, partyRepository } from '../db/party.repository';
import { newUserRecord, userRepository } from '../db/user.repository';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { hashPassword } from '../../../platform/crypto/password';
import { tokenMail } from './registration.service';
import { sessionService } from './session.service';
import { toAdminUser } from './identity-views';
import { signInRepository } from '../db/sign-in.repository';
import type { SignIn } from '../schemas/sign-in.schema';

async function createLogin(operations: ReturnType<typeof op.put>[]): Promise<void> {
  try {
    await transact(operations);
  } catch (error) {
    if (error instanceof TransactionConflict) throw new ConflictError('email_in_use', 'Another login already uses this e-mail.', { cause: error });
    throw error;
  }
}

export const userAdminService = {
  list(actor: Actor, page: { limit: number; cursor?: string }, audience?: Audience): Promise<Page<AdminUser>> {
    enforce(adminPolicy.manageUsers(actor), 'User');
    return userRepository.list({ ...page, callerId: actor.userId, list: `users:${audience ?? ''}` }, audience).then((result) => mapPage(result, toAdminUser));
  },

  async get(actor: Actor, userId: string): Promise<AdminUser> {
    enforce(adminPolicy.manageUsers(actor), 'User');
    const row = await userRepository.get(userId);
    if (!row) throw new NotFoundError('User');
    return toAdminUser(row);
  },

  /** The latest sign-ins to any portal, newest first, with the login's name and e-mail (admin). */
  async recentSignIns(actor: Actor, limit = 10): Promise<SignIn[]> {
    enforce(adminPolicy.manageUsers(actor), 'User');
    const rows = await signInRepository.recent(limit);
    const users = new Map((await Promise.all([...new Set(rows.map((r) => r.userId))].map((id) => userRepository.get(id)))).flatMap((u) => (u ? [[u.userId, u] as const] : [])));
    return rows.map((r) => ({ at: r.at, userId: r.userId, name: users.get(r.userId)?.name ?? '', email: users.get(r.userId)?.email ?? '', ...(r.audience ? { audience: r.audience } : {}) }));
  },

  /** A staff login: with a password it is active at once, without one the person gets an invitation to set it. */
  async create(actor: Actor, input: z.infer<typeof UserCreateSchema>): Promise<AdminUser> {
    enforce(adminPolicy.manageUsers(actor), 'User');
    const [firstName, ...rest] = input.name.split(/\s+/);
    const locale = input.locale ?? 'id';
    const party = newPartyRecord({ firstName: rest.length ? firstName : undefined, lastName: rest.length ? rest.join(' ') : input.name, email: input.email, isContact: false, locale });
    const user = newUserRecord({
      partyId: party.partyId,
      email: input.email,
      name: input.name,
      passwordHash: input.password ? await hashPassword(input.password) : undefined,
      status: input.password ? 'active' : 'pending',
      audiences: ['staff'],
      roles: input.roles,
      locale,
    });
    await createLogin(
      [
        op.put(partyRepository.createOperation({ ...party, userId: user.userId })),
        ...userRepository.createOperations(user).map(op.put),
        ...(input.password ? [] : tokenMail(user, 'invite', 'staff_invite', 'staff')),
      ],
    );
    return toAdminUser(user);
  },

  /** Change name or roles, disable or enable; disabling ends the login's sessions. */
  async update(actor: Actor, userId: string, version: number, patch: z.infer<typeof UserPatchSchema>): Promise<AdminUser> {
    enforce(adminPolicy.manageUsers(actor), 'User');
    if (userId === actor.userId && (patch.disabled || (patch.roles && !patch.roles.includes('admin')))) {
      throw new BusinessRuleError('cannot_demote_self', 'You cannot disable yourself or remove your own admin role.');
    }
    const current = await userRepository.get(userId);
    if (!current) throw new NotFoundError('User');
    if (patch.roles && !current.audiences.includes('staff')) {
      throw new BusinessRuleError('not_staff', 'Only staff logins have staff roles.');
    }
    const status = patch.disabled === undefined ? undefined : patch.disabled ? 'disabled' : current.status === 'disabled' ? 'active' : current.status;
    const row = await userRepository.update(userId, version, { name: patch.name, roles: patch.roles, status });
    if (row.status === 'disabled') await sessionService.revokeAll(userId);
    sessionService.forget(userId);
    return toAdminUser(row);
  },

  /** Give a contact a customer-portal login and e-mail the invitation to set a password. */
  async inviteContact(actor: Actor, partyId: string): Promise<void> {
    enforce(contactPolicy.invite(actor), 'Contact');
    const party = await partyRepository.get(partyId);
    if (!party || !party.isContact) throw new NotFoundError('Contact');
    if (party.userId) throw new ConflictError('already_invited', 'This contact already has portal access.');
    if (!party.email) throw new BusinessRuleError('contact_has_no_email', 'Add an e-mail address to the contact first.');
    const user = newUserRecord({
      partyId,
      email: party.email,
      name: partyName(party),
      status: 'pending',
      audiences: ['customer'],
      roles: [],
      locale: party.locale ?? 'id',
    });
    await createLogin(
      [
        op.update(partyRepository.attachUserOperation(partyId, user.userId)),
        ...userRepository.createOperations(user).map(op.put),
        ...tokenMail(user, 'invite', 'portal_invite', 'customer'),
      ],
    );
  },
};
