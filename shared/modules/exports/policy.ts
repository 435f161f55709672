import type { Decision } from '../../platform/access';
import type { Actor } from '../identity/domain/identity';

/** An export holds the rows its owner could read when it ran: only its owner sees it, anyone else finds nothing. */
export const exportPolicy = {
  read(actor: Actor, job: { userId: string }): Decision {
    return job.userId === actor.userId ? 'allow' : 'hide';
  },
};
