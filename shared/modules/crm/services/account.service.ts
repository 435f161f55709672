import type { Account, AccountContact, AccountCreate, AccountPatch, TimelineItem } from '../schemas/account.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { accountPolicy, contactPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError, VersionConflictError } from '../../../platform/errors';
import type { AccountRow } from '../db/account.entity';
import type { AccountContactRow } from '../db/account-contact.entity';
import { accountContactRepository } from '../db/account-contact.repository';
import { accountRepository, newAccountRecord } from '../db/account.repository';
import { partyName, partyRepository } from '../../identity/db/party.repository';
import { timelineRepository } from '../db/timeline.repository';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { holdsEvery, nameWords, queryTerms } from '../../search/domain/search-terms';
import { searchService } from '../../search/services/search.service';
import { nowIso } from '../../../platform/clock';
import { sessionService } from '../../identity/services/session.service';
import { checkOwner } from '../../identity/services/record-owner';
import { toAccount, toAccountContact, toTimelineItem } from './crm-views';

type PageInput = { limit: number; cursor?: string };

/** Whether an account's name starts with `q` or has words starting with each of its words. */
function nameAnswers(account: AccountRow, q: string): boolean {
  const words = queryTerms(q);
  return account.sortName.startsWith(sortKeyText(q)) || (words.length > 0 && holdsEvery(nameWords(account.name), words));
}

async function readable(actor: Actor, accountId: string): Promise<AccountRow> {
  enforce(accountPolicy.read(actor, accountId), 'Account');
  const account = await accountRepository.get(accountId);
  if (!account) throw new NotFoundError('Account');
  return account;
}

/** Account links with the names of both sides, read in one batch. */
export async function describeLinks(links: AccountContactRow[]): Promise<AccountContact[]> {
  const [accounts, parties] = await Promise.all([
    accountRepository.getMany([...new Set(links.map((l) => l.accountId))]),
    partyRepository.getMany([...new Set(links.map((l) => l.partyId))]),
  ]);
  const accountById = new Map(accounts.map((a) => [a.accountId, a]));
  const partyById = new Map(parties.map((p) => [p.partyId, p]));
  return links.flatMap((link) => {
    const account = accountById.get(link.accountId);
    const party = partyById.get(link.partyId);
    return account && party ? [toAccountContact(link, account, party)] : [];
  });
}

/** Which fields a PATCH changed, for the audit entry on the timeline. */
function changedFields(before: AccountRow, patch: AccountPatch): string[] {
  return Object.entries(patch)
    .filter(([field, value]) => field !== 'version' && JSON.stringify(before[field as keyof AccountRow] ?? null) !== JSON.stringify(value ?? null))
    .map(([field]) => field);
}

export const accountService = {
  async list(actor: Actor, page: PageInput, prefix?: string): Promise<Page<Account>> {
    const scope = accountPolicy.listScope(actor);
    if (scope === 'none') enforce('forbid', 'Account');
    if (scope === 'linked') {
      // Built from the caller's own links: another account cannot even be named here.
      const accounts = await accountRepository.getMany(actor.accountIds);
      return { items: accounts.filter((a) => !prefix || nameAnswers(a, prefix)).sort((a, b) => a.name.localeCompare(b.name)).map(toAccount), nextCursor: null };
    }
    const byPrefix = await accountRepository.list({ ...page, callerId: actor.userId, list: `accounts:${prefix ?? ''}` }, prefix);
    if (!prefix || byPrefix.nextCursor) return mapPage(byPrefix, toAccount);
    // After the last page of names starting with `q` come the names with another word starting so ("KITA" → "PT. KITA"), from the search index.
    const room = page.limit - byPrefix.items.length;
    const start = sortKeyText(prefix);
    const byWord = room > 0 ? await accountRepository.getMany(await searchService.accountIds(prefix, page.limit + room)) : [];
    const more = byWord.filter((a) => !a.sortName.startsWith(start)).sort((a, b) => a.name.localeCompare(b.name)).slice(0, room);
    return { items: [...byPrefix.items, ...more].map(toAccount), nextCursor: null };
  },

  async get(actor: Actor, accountId: string): Promise<Account> {
    return toAccount(await readable(actor, accountId));
  },

  async create(actor: Actor, input: AccountCreate): Promise<Account> {
    enforce(accountPolicy.create(actor), 'Account');
    await checkOwner(input.ownerId);
    const record = newAccountRecord({ ownerId: actor.userId, ...input });
    await transact([
      op.put(accountRepository.createOperation(record)),
      timelineRepository.addOperation({ accountId: record.accountId, type: 'audit', recordId: record.accountId, title: 'Account created', summary: record.name, actorId: actor.userId }),
    ]);
    return toAccount((await accountRepository.get(record.accountId))!);
  },

  async update(actor: Actor, accountId: string, version: number, patch: AccountPatch): Promise<Account> {
    const before = await readable(actor, accountId);
    enforce(accountPolicy.update(actor, accountId), 'Account');
    await checkOwner(patch.ownerId);
    const { version: _bodyVersion, ...changes } = patch;
    const updated = await accountRepository.update(accountId, version, changes);
    const fields = changedFields(before, patch);
    if (fields.length > 0) {
      await timelineRepository.add({ accountId, type: 'audit', recordId: accountId, title: 'Account updated', summary: `Changed: ${fields.join(', ')}`, actorId: actor.userId });
    }
    return toAccount(updated);
  },

  /** Delete the account with its contact links (the contacts themselves stay). */
  async remove(actor: Actor, accountId: string, version: number): Promise<void> {
    await readable(actor, accountId);
    enforce(accountPolicy.delete(actor), 'Account');
    const partyIds = await accountContactRepository.partyIdsOf(accountId);
    // One transaction holds 100 writes: the account and its first 99 links go together...
    try {
      await transact([op.delete(accountRepository.deleteOperation(accountId, version)), ...partyIds.slice(0, 99).map((partyId) => op.delete(accountContactRepository.dropOperation(accountId, partyId)))]);
    } catch (error) {
      if (error instanceof TransactionConflict) throw new VersionConflictError();
      throw error;
    }
    // ...and links beyond that follow; they point at a deleted account, so no reader shows them meanwhile.
    for (let i = 99; i < partyIds.length; i += 100) {
      await transact(partyIds.slice(i, i + 100).map((partyId) => op.delete(accountContactRepository.dropOperation(accountId, partyId))));
    }
  },

  async contacts(actor: Actor, accountId: string, page: PageInput): Promise<Page<AccountContact>> {
    await readable(actor, accountId);
    const links = await accountContactRepository.byAccount(accountId, { ...page, callerId: actor.userId, list: `account-contacts:${accountId}` });
    return { items: await describeLinks(links.items), nextCursor: links.nextCursor };
  },

  /** Link a contact to the account in a role, or change the role of an existing link. */
  async linkContact(actor: Actor, accountId: string, partyId: string, role: string): Promise<AccountContact> {
    await readable(actor, accountId);
    enforce(accountPolicy.update(actor, accountId), 'Account');
    const party = await partyRepository.get(partyId);
    if (!party || !party.isContact) throw new NotFoundError('Contact');
    await transact([
      op.put(accountContactRepository.putOperation(accountId, partyId, role)),
      timelineRepository.addOperation({ accountId, type: 'contact_linked', recordId: partyId, title: 'Contact linked', summary: `${partyName(party)} — ${role}`, actorId: actor.userId }),
    ]);
    if (party.userId) sessionService.forget(party.userId);
    const [link] = await describeLinks([{ accountId, partyId, role, createdAt: nowIso() }]);
    return link!;
  },

  async unlinkContact(actor: Actor, accountId: string, partyId: string): Promise<void> {
    await readable(actor, accountId);
    enforce(accountPolicy.update(actor, accountId), 'Account');
    const party = await partyRepository.get(partyId);
    try {
      await transact([
        op.delete(accountContactRepository.deleteOperation(accountId, partyId)),
        timelineRepository.addOperation({ accountId, type: 'contact_unlinked', recordId: partyId, title: 'Contact unlinked', summary: party ? partyName(party) : partyId, actorId: actor.userId }),
      ]);
    } catch (error) {
      if (error instanceof TransactionConflict) throw new NotFoundError('Contact link');
      throw error;
    }
    if (party?.userId) sessionService.forget(party.userId);
  },

  async timeline(actor: Actor, accountId: string, page: PageInput): Promise<Page<TimelineItem>> {
    enforce(accountPolicy.readTimeline(actor), 'Account');
    await readable(actor, accountId);
    return mapPage(await timelineRepository.list(accountId, { ...page, callerId: actor.userId, list: `timeline:${accountId}` }), toTimelineItem);
  },

  async addNote(actor: Actor, accountId: string, body: string): Promise<TimelineItem> {
    await readable(actor, accountId);
    enforce(accountPolicy.update(actor, accountId), 'Account');
    const title = body.split('\n')[0]!.slice(0, 80);
    return toTimelineItem(await timelineRepository.add({ accountId, type: 'note', recordId: newId(), title, summary: body, channel: 'internal', actorId: actor.userId }));
  },

  /** Contacts may also be listed from their side. */
  async accountsOfContact(actor: Actor, partyId: string, page: PageInput): Promise<Page<AccountContact>> {
    enforce(contactPolicy.read(actor, partyId), 'Contact');
    const party = await partyRepository.get(partyId);
    if (!party || !party.isContact) throw new NotFoundError('Contact');
    const links = await accountContactRepository.byParty(partyId, { ...page, callerId: actor.userId, list: `contact-accounts:${partyId}` });
    return { items: await describeLinks(links.items), nextCursor: links.nextCursor };
  },
};
