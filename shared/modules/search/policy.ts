import { isStaff, type Actor } from '../identity/domain/identity';
import { allowIf, type Decision } from '../../platform/access';
import { accountPolicy, contactPolicy } from '../crm/policy';
import { leadPolicy, opportunityPolicy } from '../sales/policy';
import { quotePolicy } from '../commerce/policy';
import { ticketPolicy } from '../desk/policy';
import type { SearchType } from './domain/search-terms';

/** What a hit's reach check looks at. */
type HitReach = { recordId: string; accountId?: string };

/**
 * The global search is a staff tool: customers, partners and investors search nothing here.
 * Each hit is then decided by the policy of the module that owns the record, so a staff role
 * that may not read a type (service and leads) gets none of its hits.
 */
export const searchPolicy = {
  search(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },

  /** Whether the caller may read this hit's record. */
  readHit(actor: Actor, type: SearchType, hit: HitReach): Decision {
    switch (type) {
      case 'account':
        return accountPolicy.read(actor, hit.recordId);
      case 'contact':
        return contactPolicy.read(actor, hit.recordId);
      case 'lead':
        return leadPolicy.read(actor);
      case 'opportunity':
        return opportunityPolicy.read(actor);
      case 'quote':
      case 'order':
      case 'invoice':
        return hit.accountId ? quotePolicy.read(actor, hit.accountId) : 'forbid';
      case 'ticket':
        return hit.accountId ? ticketPolicy.read(actor, { accountId: hit.accountId }, false) : 'forbid';
    }
  },

  /** Whether a type is worth querying at all for the caller (no record of it could pass readHit). */
  readsType(actor: Actor, type: SearchType): boolean {
    if (type === 'lead') return leadPolicy.read(actor) === 'allow';
    if (type === 'opportunity') return opportunityPolicy.read(actor) === 'allow';
    return isStaff(actor);
  },
};
