import { isStaff, type Actor } from '../identity/domain/identity';
import { allowIf, type Decision } from '../../platform/access';

/**
 * Notifications. Each person reads and marks only their own: lists are built from the caller's
 * id, so another's notification cannot even be named (404). Only staff are notified today.
 */
export const notificationsPolicy = {
  /** Staff have a bell; anyone else is refused. */
  use(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },
};
