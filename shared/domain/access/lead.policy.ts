import { hasStaffRole, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

/**
 * Who may do what with leads. Sales staff (admin holds every role) work leads; marketing
 * reads them to follow its campaigns. Customers, partners and investors have no access
 * (partners' lead distribution comes with the partner module).
 */
export const leadPolicy = {
  read(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales', 'marketing'));
  },

  /** Create, change, convert, disqualify. */
  manage(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales'));
  },

  /** Scoring and assignment rules: sales may read them, only an admin (the sales manager) replaces them. */
  readRules(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales', 'marketing'));
  },

  writeRules(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'admin'));
  },

  /** A rep opts themself in or out of assignment; an admin may do it for anyone. */
  setRepAvailability(actor: Actor, userId: string): Decision {
    if (hasStaffRole(actor, 'admin')) return 'allow';
    return allowIf(hasStaffRole(actor, 'sales') && actor.userId === userId);
  },
};
