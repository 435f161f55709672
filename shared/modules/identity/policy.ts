import { hasStaffRole, type Actor } from './domain/identity';
import { allowIf, type Decision } from '../../platform/access';

/** Staff user administration and company content. */
export const adminPolicy = {
  manageUsers(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'admin'));
  },

  editCompanyProfile(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'investor_relations'));
  },
};
