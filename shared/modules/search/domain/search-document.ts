/**
 * What the global search knows of one stored record: its type, id, what a hit shows and the
 * terms it is found by. Pure: built from the item image as the table (and its stream) holds it.
 */
import { distinctTerms, documentNumberTerms, emailTerms, nameWords, phoneTerms, type SearchType } from './search-terms';

export type SearchDocument = {
  type: SearchType;
  recordId: string;
  title: string;
  subtitle?: string;
  /** The account a record belongs to (for the reach check and the hit's context). */
  accountId?: string;
  terms: string[];
};

type Image = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
const joined = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' · ') || undefined;

type Builder = (item: Image) => SearchDocument | undefined;

// Subtitles carry only what a person wrote (e-mail, company, job title): states and stages are
// codes the API's clients translate, and the hit list has no catalogue for them.

const numbered = (type: SearchType, idField: string): Builder => (item) => ({
  type,
  recordId: String(item[idField]),
  title: String(item.number),
  accountId: text(item.accountId),
  terms: distinctTerms(documentNumberTerms(text(item.number))),
});

/** Per ElectroDB entity marker (`__edb_e__`), how its items become search documents. */
const BUILDERS: Readonly<Record<string, Builder>> = {
  account: (item) => ({
    type: 'account',
    recordId: String(item.accountId),
    title: String(item.name),
    subtitle: joined(item.industry, item.email),
    terms: distinctTerms([...nameWords(text(item.name)), ...emailTerms(text(item.email)), ...phoneTerms(text(item.phone))]),
  }),
  party: (item) => {
    // Staff and other logins are parties too; only the contact book is searched.
    if (item.isContact !== true) return undefined;
    const name = [text(item.firstName), text(item.lastName)].filter(Boolean).join(' ');
    return {
      type: 'contact',
      recordId: String(item.partyId),
      title: name,
      subtitle: joined(item.email, item.title),
      terms: distinctTerms([...nameWords(name), ...emailTerms(text(item.email)), ...phoneTerms(text(item.phone))]),
    };
  },
  lead: (item) => ({
    type: 'lead',
    recordId: String(item.leadId),
    title: String(item.title),
    subtitle: joined(item.companyName, item.contactName),
    terms: distinctTerms([
      ...nameWords(text(item.companyName)),
      ...nameWords(text(item.contactName)),
      ...emailTerms(text(item.email)),
      ...phoneTerms(text(item.phone)),
      ...nameWords(text(item.title)),
    ]),
  }),
  opportunity: (item) => ({
    type: 'opportunity',
    recordId: String(item.opportunityId),
    title: String(item.name),
    accountId: text(item.accountId),
    terms: distinctTerms(nameWords(text(item.name))),
  }),
  quote: numbered('quote', 'quoteId'),
  salesOrder: numbered('order', 'orderId'),
  invoice: numbered('invoice', 'invoiceId'),
  ticket: (item) => ({
    type: 'ticket',
    recordId: String(item.ticketId),
    title: `${String(item.number)} ${String(item.subject)}`,
    accountId: text(item.accountId),
    terms: distinctTerms([...documentNumberTerms(text(item.number)), ...nameWords(text(item.subject))]),
  }),
};

/** The ElectroDB entity markers of the records the search indexes. */
export const INDEXED_ENTITIES: readonly string[] = Object.keys(BUILDERS);

/** The search document of a stored item, or undefined for items the search does not know (most of them). */
export function searchDocumentOf(item: Image | undefined): SearchDocument | undefined {
  const entity = item?.__edb_e__;
  if (typeof entity !== 'string') return undefined;
  return item && Object.hasOwn(BUILDERS, entity) ? BUILDERS[entity]!(item) : undefined;
}

/** Whether two documents would be stored as the same term items (an update that touched nothing searchable). */
export function sameDocument(a: SearchDocument | undefined, b: SearchDocument | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
