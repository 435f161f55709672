import type { Actor } from '../../identity/domain/identity';
import type { LeadConvert } from '../schemas/lead.schema';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../platform/errors';
import { formatMoney } from '../../../platform/money';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { accountPolicy } from '../../crm/policy';
import { leadPolicy } from '../policy';
import { DEFAULT_STAGES } from '../domain/sales-vocabulary';
import { openStages } from '../domain/pipeline';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { accountRepository, newAccountRecord } from '../../crm/db/account.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { newPartyRecord, partyRepository } from '../../identity/db/party.repository';
import { changedLeadRecord, leadRepository } from '../db/lead.repository';
import { newOpportunityRecord } from '../db/opportunity.repository';
import { pipelineRepository } from '../db/pipeline.repository';
import { leadWriteRefused, readableLead, refuseConverted } from './lead-records';
import { opportunityCreateOperations } from './opportunity.service';

/** "Hendra Gunawan" → first name "Hendra", last name "Gunawan"; a single word is the last name. */
function splitName(name: string): { firstName?: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  const lastName = words.pop()!;
  return words.length > 0 ? { firstName: words.join(' '), lastName } : { lastName };
}

/** Turning a lead into a customer: its account, contact and opportunity, in one go. */
export const leadConversionService = {
  /**
   * Convert a lead into an opportunity, with a new account and contact (or a new contact on
   * an existing account), all in one transaction that also closes the lead — so it either
   * happens whole or not at all, and only once.
   */
  async convert(actor: Actor, leadId: string, input: LeadConvert, version?: number): Promise<{ accountId: string; contactId: string; opportunityId: string }> {
    const lead = await readableLead(actor, leadId);
    enforce(leadPolicy.manage(actor), 'Lead');
    refuseConverted(lead);
    if (lead.status === 'disqualified') throw new BusinessRuleError('lead_disqualified', 'A disqualified lead cannot be converted; reopen it first.');
    if (input.accountId) {
      enforce(accountPolicy.update(actor, input.accountId), 'Account');
      if (!(await accountRepository.get(input.accountId))) throw new NotFoundError('Account');
    }
    const ownerId = lead.ownerId ?? actor.userId;
    const account = input.accountId ? undefined : newAccountRecord({ name: lead.companyName ?? lead.contactName, email: lead.email, phone: lead.phone, ownerId, tags: [] });
    const accountId = input.accountId ?? account!.accountId;
    const party = newPartyRecord({ ...splitName(lead.contactName), email: lead.email, phone: lead.phone, isContact: true, locale: 'id' });
    const { stages } = await pipelineRepository.stages();
    const open = openStages(stages);
    const stage = open.find((s) => s.id === (lead.status === 'qualified' ? 'qualified' : 'new')) ?? open[0] ?? DEFAULT_STAGES[0];
    const { probability, ...draft } = input.opportunity;
    const opportunity = newOpportunityRecord({
      ...draft,
      accountId,
      contactId: party.partyId,
      leadId,
      ownerId,
      stage: stage.id,
      probability: probability ?? stage.probability,
      probabilityManual: probability !== undefined,
    });
    const convertedTo = { accountId, contactId: party.partyId, opportunityId: opportunity.opportunityId };
    const after = changedLeadRecord(lead, { status: 'converted', convertedTo });
    const money = formatMoney(draft.expectedRevenue.amount, draft.expectedRevenue.currency);
    const items = [
      account ? op.put(accountRepository.createOperation(account)) : accountRepository.existsCheck(accountId),
      op.put(partyRepository.createOperation(party)),
      op.put(accountContactRepository.putOperation(accountId, party.partyId, 'contact')),
      ...opportunityCreateOperations(opportunity, actor.userId, stages),
      ...(account ? [timelineRepository.addOperation({ accountId, type: 'audit', recordId: accountId, title: 'Account created', summary: `${account.name} — from lead "${lead.title}"`, actorId: actor.userId })] : []),
      timelineRepository.addOperation({ accountId, type: 'lead_converted', recordId: leadId, title: 'Lead converted', summary: `${lead.title} → ${opportunity.name} (${money})`, channel: lead.source, actorId: actor.userId }),
    ];
    const leadItems = leadRepository.writeOperations(after, lead, { version: version ?? lead.version, openOnly: true });
    try {
      await transact([...leadItems, ...items]);
    } catch (error) {
      if (!(error instanceof TransactionConflict)) throw error;
      if (error.failedIndexes.includes(0)) throw await leadWriteRefused(leadId, error);
      if (!account && error.failedIndexes.includes(leadItems.length)) throw new NotFoundError('Account');
      throw new ConflictError('conversion_conflict', 'The conversion clashed with another change. Try again.', { cause: error });
    }
    return convertedTo;
  },
};
