import { hasStaffRole, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

/**
 * Who may do what with opportunities and the pipeline. Sales (and admins) run the
 * pipeline; service and marketing staff may look at it. External callers are refused:
 * a partner's own opportunities arrive with the partner module.
 */
export const opportunityPolicy = {
  read(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales', 'service', 'marketing'));
  },

  write(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales'));
  },

  /** The stage list is company configuration: admins only. */
  configureStages(actor: Actor): Decision {
    return allowIf(actor.audiences.includes('staff') && actor.roles.includes('admin'));
  },
};
