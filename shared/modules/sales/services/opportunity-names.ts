import type { Opportunity } from '../schemas/opportunity.schema';
import { accountRepository } from '../../crm/db/account.repository';
import { partyRepository } from '../../identity/db/party.repository';
import { userRepository } from '../../identity/db/user.repository';

// DynamoDB's BatchGetItem takes at most 100 keys.
const BATCH = 100;

async function inBatches<Row>(ids: (string | undefined)[], read: (batch: string[]) => Promise<Row[]>): Promise<Row[]> {
  const distinct = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const batches: string[][] = [];
  for (let i = 0; i < distinct.length; i += BATCH) batches.push(distinct.slice(i, i + BATCH));
  return (await Promise.all(batches.map(read))).flat();
}

/**
 * The opportunities with the names of their account, contact and owner, read in one batch each
 * per page (never one read per card). Names are read when answering, so a renamed account shows
 * its new name at once; a record that is gone leaves its name out.
 */
export async function withNames<T extends Opportunity>(opportunities: T[]): Promise<T[]> {
  const [accounts, contacts, owners] = await Promise.all([
    inBatches(opportunities.map((o) => o.accountId), (batch) => accountRepository.getMany(batch)),
    inBatches(opportunities.map((o) => o.contactId), (batch) => partyRepository.getMany(batch)),
    inBatches(opportunities.map((o) => o.ownerId), (batch) => userRepository.getMany(batch)),
  ]);
  const accountNames = new Map(accounts.map((row) => [row.accountId, row.name]));
  const contactNames = new Map(contacts.filter((row) => row.isContact).map((row) => [row.partyId, [row.firstName, row.lastName].filter(Boolean).join(' ')]));
  const ownerNames = new Map(owners.filter((row) => row.audiences.includes('staff')).map((row) => [row.userId, row.name]));
  return opportunities.map((o) => {
    const accountName = accountNames.get(o.accountId);
    const contactName = o.contactId ? contactNames.get(o.contactId) : undefined;
    const ownerName = o.ownerId ? ownerNames.get(o.ownerId) : undefined;
    return { ...o, ...(accountName !== undefined && { accountName }), ...(contactName && { contactName }), ...(ownerName && { ownerName }) };
  });
}
