import type { AdminUser, User } from '../schemas/auth.schema';
import type { Actor } from '../domain/identity';
import type { UserRow } from '../db/user.entity';

/** The `user` object of the API from a stored login and its account links. */
export function toUserView(row: UserRow, accountIds: string[]): User {
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    partyId: row.partyId,
    audiences: [...row.audiences].sort(),
    roles: row.roles,
    ...(accountIds[0] ? { accountId: accountIds[0] } : {}),
    ...(row.partnerId ? { partnerId: row.partnerId } : {}),
    locale: row.locale,
    ...(row.reminderLeadMinutes !== undefined ? { reminderLeadMinutes: row.reminderLeadMinutes } : {}),
    ...(row.timeZone ? { timeZone: row.timeZone } : {}),
  };
}

/** A login as the staff administration screen shows it. */
export function toAdminUser(row: UserRow): AdminUser {
  const { userId, passwordHash: _hash, sortName: _sort, company: _company, partnerId: _partner, ...rest } = row;
  return { ...rest, id: userId, audiences: [...row.audiences].sort() };
}

/** The caller as the policies see it. */
export function toActor(row: UserRow, accountIds: string[]): Actor {
  return {
    userId: row.userId,
    partyId: row.partyId,
    audiences: [...row.audiences],
    roles: [...row.roles],
    accountIds,
    partnerId: row.partnerId,
  };
}
