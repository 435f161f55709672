import { hasStaffRole, isStaff, type Actor } from '../identity/domain/identity';
import { allowIf, type Decision } from '../../platform/access';

/** Staff roles that keep customer records. */
const EDITORS = ['sales', 'service', 'marketing'] as const;

/**
 * Who may do what with accounts. Staff read every account; a customer contact reaches only
 * the accounts it is linked to; partners and investors have no access to accounts.
 */
export const accountPolicy = {
  /** `all` for staff, `linked` for customers (the list is built from their own links). */
  listScope(actor: Actor): 'all' | 'linked' | 'none' {
    if (isStaff(actor)) return 'all';
    if (actor.audiences.includes('customer')) return 'linked';
    return 'none';
  },

  read(actor: Actor, accountId: string): Decision {
    if (isStaff(actor)) return 'allow';
    if (actor.audiences.includes('customer')) return allowIf(actor.accountIds.includes(accountId), 'hide');
    return 'forbid';
  },

  create(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, ...EDITORS));
  },

  /** Edit fields, link contacts, add notes: staff editors only; a customer sees its account but may not change it. */
  update(actor: Actor, accountId: string): Decision {
    const reach = this.read(actor, accountId);
    return reach === 'allow' ? allowIf(hasStaffRole(actor, ...EDITORS)) : reach;
  },

  delete(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales'));
  },

  /** The timeline holds internal notes and the audit trail: staff only. */
  readTimeline(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },
};

/**
 * Who may do what with contacts. Staff read all; a customer reaches only its own contact
 * record (its profile); partners and investors have no access to the contact book.
 */
export const contactPolicy = {
  list(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },

  read(actor: Actor, partyId: string): Decision {
    if (isStaff(actor)) return 'allow';
    if (actor.audiences.includes('customer')) return allowIf(actor.partyId === partyId, 'hide');
    return 'forbid';
  },

  create(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, ...EDITORS));
  },

  update(actor: Actor, partyId: string): Decision {
    const reach = this.read(actor, partyId);
    return reach === 'allow' ? allowIf(hasStaffRole(actor, ...EDITORS)) : reach;
  },

  delete(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales'));
  },

  invite(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales', 'service'));
  },
};
