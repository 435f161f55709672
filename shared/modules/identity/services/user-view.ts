import type { User } from '../schemas/auth.schema';
import type { Actor, StaffRole } from '../domain/identity';
import type { UserRow } from '../db/user.repository';

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
  };
}

/** The caller as the policies see it. */
export function toActor(row: UserRow, accountIds: string[]): Actor {
  return {
    userId: row.userId,
    partyId: row.partyId,
    audiences: [...row.audiences],
    roles: row.roles as StaffRole[],
    accountIds,
    partnerId: row.partnerId,
  };
}
