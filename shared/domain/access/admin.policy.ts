import { hasStaffRole, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

/** Staff user administration and company content. */
export const adminPolicy = {
  manageUsers(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'admin'));
  },

  editCompanyProfile(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'investor_relations'));
  },
};
