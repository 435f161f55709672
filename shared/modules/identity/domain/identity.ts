/** Who can sign in and what they are: audiences, staff roles and the role edges of a party. */
export const AUDIENCES = ['staff', 'customer', 'partner', 'investor'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Audiences a person may sign themselves up for (staff are created by an admin). */
export const SELF_SERVICE_AUDIENCES = ['customer', 'partner', 'investor'] as const;
export type SelfServiceAudience = (typeof SELF_SERVICE_AUDIENCES)[number];

export const STAFF_ROLES = ['admin', 'sales', 'service', 'marketing', 'investor_relations'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const USER_STATUSES = ['pending', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What a single-use token mailed to a login is for. */
export const TOKEN_PURPOSES = ['verify_email', 'password_reset', 'invite'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/**
 * The caller of a request, as the policy modules see it. External callers carry the ids
 * their queries are built from; staff carry their roles.
 */
export type Actor = {
  userId: string;
  partyId: string;
  audiences: Audience[];
  roles: StaffRole[];
  /** Accounts this person is a customer contact of. */
  accountIds: string[];
  partnerId?: string;
};

/** True when the actor is staff holding at least one of the roles (admin holds them all). */
export function hasStaffRole(actor: Actor, ...roles: StaffRole[]): boolean {
  if (!actor.audiences.includes('staff')) return false;
  if (actor.roles.includes('admin')) return true;
  return roles.some((role) => actor.roles.includes(role));
}

export function isStaff(actor: Actor): boolean {
  return actor.audiences.includes('staff');
}
