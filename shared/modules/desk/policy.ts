import { hasStaffRole, isStaff, type Actor } from '../identity/domain/identity';
import { MESSAGE_CHANNELS, type MessageChannel, type MessageVisibility, type TicketChannel } from './domain/service-vocabulary';
import { allowIf, type Decision } from '../../platform/access';

/** The customer's own channel: its tickets and messages come through the customer portal. */
export const CUSTOMER_CHANNEL = 'portal' satisfies TicketChannel & MessageChannel;

/** Fields only staff set when opening a ticket (a customer may name its own channel). */
const STAFF_INTAKE_FIELDS = ['contactId', 'channel', 'priority', 'severity', 'assigneeId', 'teamId', 'activityId'] as const;
type StaffIntakeField = (typeof STAFF_INTAKE_FIELDS)[number];

/** Staff write in the staff portal or log a message that came by e-mail, phone, web or chat; never as the customer portal. */
const STAFF_MESSAGE_CHANNELS = MESSAGE_CHANNELS.filter((channel) => channel !== CUSTOMER_CHANNEL);

/**
 * Account–contact link roles that give a customer contact the account-wide right: it sees,
 * answers, closes and rates every ticket of that account, not only the ones it opened.
 */
export const ACCOUNT_WIDE_TICKET_ROLES = ['primary', 'billing'] as const;

/** True when a link in this role carries the account-wide right on tickets. */
export function hasAccountWideRight(linkRole: string | undefined): boolean {
  return (ACCOUNT_WIDE_TICKET_ROLES as readonly string[]).includes(linkRole ?? '');
}

/** What a ticket decision looks at. */
type TicketReach = { accountId: string; contactId?: string };

/**
 * Service desk tickets. Staff read all of them; service agents (and admins) work them; sales
 * may open one for a customer. A customer contact reaches the tickets it opened on its own
 * accounts and, with the account-wide right, every ticket of that account; anything else
 * looks missing. Partners and investors have no access.
 */
export const ticketPolicy = {
  /** `all` for staff, `customer` (lists built from the caller's own ids), `none` for everyone else. */
  listScope(actor: Actor): 'all' | 'customer' | 'none' {
    if (isStaff(actor)) return 'all';
    if (actor.audiences.includes('customer')) return 'customer';
    return 'none';
  },

  /** `accountWide`: the caller's link to the ticket's account carries the account-wide right. */
  read(actor: Actor, ticket: TicketReach, accountWide: boolean): Decision {
    const scope = this.listScope(actor);
    if (scope === 'all') return 'allow';
    if (scope === 'none') return 'forbid';
    return allowIf(actor.accountIds.includes(ticket.accountId) && (ticket.contactId === actor.partyId || accountWide), 'hide');
  },

  /** Open a ticket on `accountId` (a customer naming none opens it on its own account). */
  create(actor: Actor, accountId: string | undefined): Decision {
    const scope = this.listScope(actor);
    if (scope === 'all') return allowIf(hasStaffRole(actor, 'service', 'sales'));
    if (scope === 'none') return 'forbid';
    return allowIf(accountId === undefined || actor.accountIds.includes(accountId), 'hide');
  },

  /** The intake fields given that the caller may not set: none for staff; for a customer every staff-only one but its own channel. */
  refusedIntakeFields(actor: Actor, input: Partial<Record<StaffIntakeField, unknown>>): StaffIntakeField[] {
    if (isStaff(actor)) return [];
    return STAFF_INTAKE_FIELDS.filter((field) => input[field] !== undefined && !(field === 'channel' && input.channel === CUSTOMER_CHANNEL));
  },

  /** The channels the caller's messages may name: the customer portal for a customer; for staff the staff portal or where a message it logs came from. */
  messageChannels(actor: Actor): readonly MessageChannel[] {
    return isStaff(actor) ? STAFF_MESSAGE_CHANNELS : [CUSTOMER_CHANNEL];
  },

  /** Change a ticket: service staff change anything; the customer may only close it (`closingOnly`). */
  update(actor: Actor, ticket: TicketReach, accountWide: boolean, closingOnly: boolean): Decision {
    const reach = this.read(actor, ticket, accountWide);
    if (reach !== 'allow') return reach;
    return isStaff(actor) ? allowIf(hasStaffRole(actor, 'service')) : allowIf(closingOnly);
  },

  /** Post a message: service staff post replies and internal notes; customers post public replies only. */
  post(actor: Actor, ticket: TicketReach, accountWide: boolean, visibility: MessageVisibility): Decision {
    const reach = this.read(actor, ticket, accountWide);
    if (reach !== 'allow') return reach;
    return isStaff(actor) ? allowIf(hasStaffRole(actor, 'service')) : allowIf(visibility === 'public');
  },

  /** Internal notes are staff-only reading. */
  readInternal(actor: Actor): boolean {
    return isStaff(actor);
  },

  /** Rating the service is the customer's own act. */
  rate(actor: Actor, ticket: TicketReach, accountWide: boolean): Decision {
    const reach = this.read(actor, ticket, accountWide);
    return reach === 'allow' ? allowIf(!isStaff(actor)) : reach;
  },

  /**
   * An e-mail reply whose reply token is already verified: from the ticket's contact or any
   * contact linked to its account (colleagues copied on the thread).
   */
  emailReply(senderAccountIds: string[], ticket: TicketReach): Decision {
    return allowIf(senderAccountIds.includes(ticket.accountId), 'hide');
  },

  /** Staff read the desk settings (teams, canned replies, rules). */
  readSettings(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },

  /** Only admins change them. */
  manageSettings(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, 'admin'));
  },

  /** Staff see each other's names (assignees, authors, metrics per agent). */
  readAgentNames(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },

  /** Service metrics are for staff. */
  readMetrics(actor: Actor): Decision {
    return allowIf(isStaff(actor));
  },
};

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
