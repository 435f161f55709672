import { hasStaffRole, isStaff, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

/**
 * The product catalogue and price lists: every staff member reads them, sales (and admin)
 * keep them. External callers never reach the catalogue through the API (their quotes carry
 * the lines they were offered).
 */
export const productPolicy = {
  read(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },

  write(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales'));
  },
};
