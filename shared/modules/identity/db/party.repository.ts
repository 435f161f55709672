import type { Contact, ContactCreate } from '../../crm/schemas/contact.schema';
import type { Page } from '../../../platform/page';
import type { Locale } from '../../../platform/locale';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion, type Changes } from '../../../platform/db/versioned-update';
import { PartyEntity } from './party.entity';

/** A party as stored. */
export type PartyRow = {
  partyId: string;
  firstName?: string;
  lastName: string;
  sortName: string;
  email?: string;
  phone?: string;
  title?: string;
  locale?: Locale;
  isContact: boolean;
  userId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

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

/** Display name of a party ("Yeyen Wulandari"). */
export function partyName(row: Pick<PartyRow, 'firstName' | 'lastName'>): string {
  return [row.firstName, row.lastName].filter(Boolean).join(' ');
}

type NewParty = Omit<ContactCreate, 'accountId' | 'role'> & { isContact: boolean; locale?: Locale; userId?: string };

/** The key parties are found by: the e-mail trimmed and lower-cased. */
const emailKeyOf = (email: string) => email.trim().toLowerCase();

/** The stored item of a party: the row plus the e-mail key while it has an e-mail. */
const stored = (row: PartyRow) => (row.email ? { ...row, emailKey: emailKeyOf(row.email) } : row);

/** A new party record (not yet stored), for transactions. */
export function newPartyRecord(input: NewParty): PartyRow {
  const at = nowIso();
  return { ...input, partyId: newId(), sortName: sortKeyText(input.lastName, input.firstName), version: 1, createdAt: at, updatedAt: at };
}

export const partyRepository = {
  createOperation(row: PartyRow) {
    return PartyEntity().create(stored(row)).params();
  },

  async get(partyId: string): Promise<PartyRow | undefined> {
    const { data } = await PartyEntity().get({ partyId }).go();
    return (data as PartyRow | null) ?? undefined;
  },

  async getMany(partyIds: string[]): Promise<PartyRow[]> {
    if (partyIds.length === 0) return [];
    const { data } = await PartyEntity().get(partyIds.map((partyId) => ({ partyId }))).go();
    return data as PartyRow[];
  },

  /** Every party with this e-mail (any case), oldest first. */
  async findByEmail(email: string): Promise<PartyRow[]> {
    const { data } = await PartyEntity().query.byEmail({ emailKey: emailKeyOf(email) }).go({ pages: 'all' });
    return (data as PartyRow[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },

  /** Contacts by last name, or those whose last name starts with `prefix`. */
  listContacts(request: PageRequest, prefix?: string): Promise<Page<Contact>> {
    const byName = PartyEntity().query.contactsByName({});
    const query = prefix ? byName.begins({ sortName: sortKeyText(prefix) }) : byName;
    return queryPage(request, (options) => query.go(options), (row) => toContact(row as PartyRow));
  },

  async update(partyId: string, expectedVersion: number, changes: Changes): Promise<PartyRow> {
    const current = await this.get(partyId);
    const lastName = (changes.lastName as string | undefined) ?? current?.lastName;
    const firstName = changes.firstName === null ? undefined : ((changes.firstName as string | undefined) ?? current?.firstName);
    const email = changes.email as string | null | undefined;
    const withSort = { ...changes, ...(email !== undefined ? { emailKey: email === null ? null : emailKeyOf(email) } : {}), sortName: sortKeyText(lastName, firstName), isContact: current?.isContact };
    return patchIfVersion<PartyRow>(() => PartyEntity().patch({ partyId }) as never, 'Contact', expectedVersion, withSort);
  },

  /**
   * Migration: give parties stored before e-mails were indexed their e-mail key (a Scan, for
   * tables of an older version only; it finds nothing once done). Returns how many it keyed.
   */
  async keyUnindexedEmails(): Promise<number> {
    const { data } = await PartyEntity().scan.where((attr, { exists, notExists }) => `${exists(attr.email)} AND ${notExists(attr.emailKey)}`)
      .go({ pages: 'all' });
    const rows = data as PartyRow[];
    for (const row of rows) {
      if (!row.email) continue;
      await PartyEntity().patch({ partyId: row.partyId }).set({ emailKey: emailKeyOf(row.email) }).go();
    }
    return rows.length;
  },

  /** The update that links a login to the party, for a transaction. */
  attachUserOperation(partyId: string, userId: string) {
    return PartyEntity().patch({ partyId }).set({ userId, updatedAt: nowIso() }).add({ version: 1 }).params();
  },

  deleteOperation(partyId: string, expectedVersion: number) {
    return PartyEntity().delete({ partyId }).where((attr, { eq }) => eq(attr.version, expectedVersion)).params();
  },
};
