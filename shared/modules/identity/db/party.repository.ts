import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion } from '../../../platform/db/versioned-update';
import { PartyEntity, type PartyRow } from './party.entity';

export type { PartyRow };

/** Display name of a party ("Yeyen Wulandari"). */
export function partyName(row: Pick<PartyRow, 'firstName' | 'lastName'>): string {
  return [row.firstName, row.lastName].filter(Boolean).join(' ');
}

/** What a new party is made from; its id, sort and e-mail keys, version and times are added. */
type NewParty = Omit<PartyRow, 'partyId' | 'sortName' | 'emailKey' | 'version' | 'createdAt' | 'updatedAt'>;

/** A contact's PATCH: values to set, and `null` for optional fields to clear. */
type PartyChanges = { [K in 'firstName' | 'lastName' | 'email' | 'phone' | 'title']?: PartyRow[K] | null };

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
    return data ?? undefined;
  },

  async getMany(partyIds: string[]): Promise<PartyRow[]> {
    if (partyIds.length === 0) return [];
    const { data } = await PartyEntity().get(partyIds.map((partyId) => ({ partyId }))).go();
    return data;
  },

  /** Every party with this e-mail (any case), oldest first. */
  async findByEmail(email: string): Promise<PartyRow[]> {
    const { data } = await PartyEntity().query.byEmail({ emailKey: emailKeyOf(email) }).go({ pages: 'all' });
    return data.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },

  /** Contacts by last name, or those whose last name starts with `prefix`. */
  listContacts(request: PageRequest, prefix?: string): Promise<Page<PartyRow>> {
    const byName = PartyEntity().query.contactsByName({});
    const query = prefix ? byName.begins({ sortName: sortKeyText(prefix) }) : byName;
    return queryPage(request, (options) => query.go(options), (row) => row);
  },

  async update(partyId: string, expectedVersion: number, changes: PartyChanges): Promise<PartyRow> {
    const current = await this.get(partyId);
    const lastName = changes.lastName ?? current?.lastName;
    const firstName = changes.firstName === null ? undefined : (changes.firstName ?? current?.firstName);
    const { email } = changes;
    const withSort = { ...changes, ...(email !== undefined ? { emailKey: email === null ? null : emailKeyOf(email) } : {}), sortName: sortKeyText(lastName, firstName), isContact: current?.isContact };
    return patchIfVersion(() => PartyEntity().patch({ partyId }), 'Contact', expectedVersion, withSort);
  },

  /**
   * Migration: give parties stored before e-mails were indexed their e-mail key (a Scan, for
   * tables of an older version only; it finds nothing once done). Returns how many it keyed.
   */
  async keyUnindexedEmails(): Promise<number> {
    const { data } = await PartyEntity().scan.where((attr, { exists, notExists }) => `${exists(attr.email)} AND ${notExists(attr.emailKey)}`)
      .go({ pages: 'all' });
    for (const row of data) {
      if (!row.email) continue;
      await PartyEntity().patch({ partyId: row.partyId }).set({ emailKey: emailKeyOf(row.email) }).go();
    }
    return data.length;
  },

  /** The update that links a login to the party, for a transaction. */
  attachUserOperation(partyId: string, userId: string) {
    return PartyEntity().patch({ partyId }).set({ userId, updatedAt: nowIso() }).add({ version: 1 }).params();
  },

  deleteOperation(partyId: string, expectedVersion: number) {
    return PartyEntity().delete({ partyId }).where((attr, { eq }) => eq(attr.version, expectedVersion)).params();
  },
};
