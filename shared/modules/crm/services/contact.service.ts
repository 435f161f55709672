import type { Contact, ContactCreate, ContactPatch } from '../schemas/contact.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { accountPolicy, contactPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError, VersionConflictError, ConflictError } from '../../../platform/errors';
import { accountContactRepository } from '../db/account-contact.repository';
import { accountRepository } from '../db/account.repository';
import { newPartyRecord, partyName, partyRepository } from '../../identity/db/party.repository';
import { timelineRepository } from '../db/timeline.repository';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { toContact } from './crm-views';

type PageInput = { limit: number; cursor?: string };

async function readable(actor: Actor, partyId: string) {
  enforce(contactPolicy.read(actor, partyId), 'Contact');
  const party = await partyRepository.get(partyId);
  if (!party || !party.isContact) throw new NotFoundError('Contact');
  return party;
}

export const contactService = {
  async list(actor: Actor, page: PageInput, prefix?: string): Promise<Page<Contact>> {
    enforce(contactPolicy.list(actor), 'Contact');
    return mapPage(await partyRepository.listContacts({ ...page, callerId: actor.userId, list: `contacts:${prefix ?? ''}` }, prefix), toContact);
  },

  async get(actor: Actor, partyId: string): Promise<Contact> {
    return toContact(await readable(actor, partyId));
  },

  /** Create a contact, optionally linked to an account in a role, in one transaction. */
  async create(actor: Actor, input: ContactCreate): Promise<Contact> {
    enforce(contactPolicy.create(actor), 'Contact');
    const { accountId, role, ...fields } = input;
    if (accountId) {
      enforce(accountPolicy.update(actor, accountId), 'Account');
      if (!(await accountRepository.get(accountId))) throw new NotFoundError('Account');
    }
    const party = newPartyRecord({ ...fields, isContact: true, locale: 'id' });
    await transact([
      op.put(partyRepository.createOperation(party)),
      ...(accountId
        ? [
            op.put(accountContactRepository.putOperation(accountId, party.partyId, role ?? 'contact')),
            timelineRepository.addOperation({ accountId, type: 'contact_linked', recordId: party.partyId, title: 'Contact linked', summary: `${partyName(party)} — ${role ?? 'contact'}`, actorId: actor.userId }),
          ]
        : []),
    ]);
    return toContact(party);
  },

  async update(actor: Actor, partyId: string, version: number, patch: ContactPatch): Promise<Contact> {
    await readable(actor, partyId);
    enforce(contactPolicy.update(actor, partyId), 'Contact');
    const { version: _bodyVersion, ...changes } = patch;
    return toContact(await partyRepository.update(partyId, version, changes));
  },

  /** Delete a contact that has no login; its account links go with it. */
  async remove(actor: Actor, partyId: string, version: number): Promise<void> {
    const party = await readable(actor, partyId);
    enforce(contactPolicy.delete(actor), 'Contact');
    if (party.userId) throw new ConflictError('contact_has_login', 'This contact has portal access; disable the login instead.');
    const accountIds = await accountContactRepository.accountIdsOf(partyId);
    try {
      await transact([op.delete(partyRepository.deleteOperation(partyId, version)), ...accountIds.slice(0, 99).map((accountId) => op.delete(accountContactRepository.dropOperation(accountId, partyId)))]);
    } catch (error) {
      if (error instanceof TransactionConflict) throw new VersionConflictError();
      throw error;
    }
    for (let i = 99; i < accountIds.length; i += 100) {
      await transact(accountIds.slice(i, i + 100).map((accountId) => op.delete(accountContactRepository.dropOperation(accountId, partyId))));
    }
  },
};
