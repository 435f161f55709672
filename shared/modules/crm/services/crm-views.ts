import type { Account, AccountContact, TimelineItem } from '../schemas/account.schema';
import type { Contact } from '../schemas/contact.schema';
import type { AccountRow } from '../db/account.entity';
import type { AccountContactRow } from '../db/account-contact.entity';
import type { TimelineItemRow } from '../db/timeline-item.entity';
import { partyName, type PartyRow } from '../../identity/db/party.repository';

/** An account as the API shows it. */
export function toAccount({ accountId, sortName: _sortName, ...rest }: AccountRow): Account {
  return { ...rest, id: accountId };
}

/** A contact (a party listed as one) as the API shows it. */
export function toContact(row: PartyRow): Contact {
  return {
    id: row.partyId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    title: row.title,
    hasPortalAccess: Boolean(row.userId),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** An account link as the API shows it, with the names of both sides. */
export function toAccountContact(link: AccountContactRow, account: Pick<AccountRow, 'name'>, party: PartyRow): AccountContact {
  return { accountId: link.accountId, contactId: link.partyId, role: link.role, accountName: account.name, contactName: partyName(party), contactEmail: party.email, createdAt: link.createdAt };
}

/** A timeline entry as the API shows it: `id` is the record it is about. */
export function toTimelineItem(row: TimelineItemRow): TimelineItem {
  return { type: row.type, id: row.recordId, at: row.at, title: row.title, summary: row.summary, channel: row.channel, actorId: row.actorId };
}
