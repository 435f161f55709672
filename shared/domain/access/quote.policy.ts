import { hasStaffRole, isStaff, type Actor } from '../identity';
import { accountPolicy } from './account.policy';
import { allowIf, type Decision } from './decision';

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
