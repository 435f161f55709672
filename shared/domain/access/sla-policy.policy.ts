import { hasStaffRole, isStaff, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

/**
 * SLA policies are service desk configuration: every staff member reads them (agents see why
 * a ticket is due when it is), service staff and admins keep them. Outside staff they do not
 * exist (404 for every id alike), as with the other internal configuration.
 */
export const slaPolicyPolicy = {
  read(actor: Actor): Decision {
    return allowIf(isStaff(actor), 'hide');
  },

  write(actor: Actor): Decision {
    if (!isStaff(actor)) return 'hide';
    return allowIf(hasStaffRole(actor, 'service'));
  },
};
