import { hasStaffRole, type Actor, isStaff } from '../identity/domain/identity';
import { allowIf, type Decision } from '../../platform/access';

/**
 * Who may do what with activities. Sales staff (and admins) manage all of them; service
 * and marketing staff read them and manage their own; external callers are refused.
 */
export const activityPolicy = {
  read(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'sales', 'service', 'marketing'));
  },

  /** Create for `ownerId` (the caller when absent). */
  create(actor: Actor, ownerId: string | undefined): Decision {
    if (hasStaffRole(actor, 'sales')) return 'allow';
    return allowIf(hasStaffRole(actor, 'service', 'marketing') && (ownerId ?? actor.userId) === actor.userId);
  },

  /** Change or complete an activity that `ownerId` owns (and, on reassignment, keep it one's own). */
  update(actor: Actor, ownerId: string | undefined, newOwnerId?: string | null): Decision {
    if (hasStaffRole(actor, 'sales')) return 'allow';
    const own = hasStaffRole(actor, 'service', 'marketing') && ownerId === actor.userId;
    return allowIf(own && (newOwnerId === undefined || newOwnerId === actor.userId));
  },
};

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

/**
 * Who may import leads from CSV files and follow the imports: sales and marketing staff
 * (admin holds every role), marketing because its event and campaign lists are what gets
 * imported. Other staff are refused (403); outside staff imports do not exist (404), for
 * every job id alike.
 */
export const leadImportPolicy = {
  /** Preview a file, start an import, list the imports and read one. */
  use(actor: Actor): Decision {
    if (!isStaff(actor)) return 'hide';
    return allowIf(hasStaffRole(actor, 'sales', 'marketing'));
  },
};

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
