import { hasStaffRole, isStaff, type Actor } from '../identity/domain/identity';
import { allowIf, type Decision } from '../../platform/access';
import { accountPolicy } from '../crm/policy';

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

/**
 * Sales documents: quotes, orders, invoices and payments. Staff read all of them; sales
 * (and admin) write them; a customer contact reaches only the documents of the accounts it
 * is linked to (anything else looks missing) and may accept a quote; partners and
 * investors have no access.
 */
export const quotePolicy = {
  /** Who reaches which account's documents is exactly who reaches the account. */
  listScope: accountPolicy.listScope,
  read: accountPolicy.read,

  /** Create, edit, send, confirm, order status, invoice, record payments. */
  write(actor: Actor, accountId?: string): Decision {
    const reach = accountId === undefined ? (this.listScope(actor) === 'none' ? 'forbid' : 'allow') : this.read(actor, accountId);
    return reach === 'allow' ? allowIf(hasStaffRole(actor, 'sales')) : reach;
  },

  /** Accepting a quote online is the customer's own act: a contact of the quote's account only. */
  accept(actor: Actor, accountId: string): Decision {
    const reach = this.read(actor, accountId);
    return reach === 'allow' ? allowIf(!isStaff(actor) && actor.accountIds.includes(accountId)) : reach;
  },
};

/** The company's payment instructions: every staff member reads them (they are on every invoice); only an admin changes them. */
export const paymentInstructionsPolicy = {
  read(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },

  write(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'admin'));
  },
};
