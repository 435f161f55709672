import { hasStaffRole, isStaff, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

const EDITORS = ['sales', 'service', 'marketing'] as const;

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
