import { hasStaffRole, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

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
