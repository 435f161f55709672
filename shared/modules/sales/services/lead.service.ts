import type { Page } from '../../../platform/page';
import type { Lead, LeadConvert, LeadCreate, LeadPatch, LeadRules } from '../schemas/lead.schema';
import { LeadRulesSchema } from '../schemas/lead.schema';
import type { Actor } from '../../identity/domain/identity';
import type { LeadStatus } from '../domain/sales-vocabulary';
import { DEFAULT_STAGES } from '../domain/sales-vocabulary';
import { formatMoney } from '../../../platform/money';
import { accountPolicy } from '../../crm/policy';
import { enforce } from '../../../platform/access';
import { leadPolicy } from '../policy';
import { DEFAULT_SCORING_RULES, engagementCount, scoreLead } from '../domain/lead-scoring';
import { chooseRep, DEFAULT_ASSIGNMENT_RULES, eligibleReps } from '../domain/lead-assignment';
import { BusinessRuleError, ConflictError, NotFoundError, VersionConflictError } from '../../../platform/errors';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { accountRepository, newAccountRecord } from '../../crm/db/account.repository';
import { activityRepository } from '../db/activity.repository';
import { changedLeadRecord, leadRepository, leadSettingsRepository, newLeadRecord, toLead, type LeadFields, type LeadRow } from '../db/lead.repository';
import { newOpportunityRecord } from '../db/opportunity.repository';
import { pipelineRepository } from '../db/pipeline.repository';
import { opportunityCreateOperations } from './opportunity.service';
import { newPartyRecord, partyRepository } from '../../identity/db/party.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { userRepository } from '../../identity/db/user.repository';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { consume, LIMITS } from '../../identity/services/throttle';
import { checkOwner } from '../../identity/services/record-owner';
import { AccountEntity } from '../../crm/db/account.entity';

type PageInput = { limit: number; cursor?: string };
type ContactSales = { name: string; email: string; companyName?: string; phone?: string; message: string; productInterest?: string; website?: string };
export type LeadRep = { userId: string; optedOut: boolean; openLeads: number; openOpportunities: number };

export const DEFAULT_LEAD_RULES: LeadRules = { scoring: DEFAULT_SCORING_RULES, assignment: DEFAULT_ASSIGNMENT_RULES };

/** The stored rules, or the defaults when none were saved (or the stored ones no longer parse). */
async function currentRules(): Promise<{ rules: LeadRules; updatedAt?: string }> {
  const stored = await leadSettingsRepository.getRules();
  if (!stored) return { rules: DEFAULT_LEAD_RULES };
  const parsed = LeadRulesSchema.safeParse(JSON.parse(stored.json));
  return parsed.success ? { rules: parsed.data, updatedAt: stored.updatedAt } : { rules: DEFAULT_LEAD_RULES };
}

async function withDuplicates(row: LeadRow): Promise<Lead> {
  return toLead(row, await leadRepository.duplicatesOf(row));
}

async function readable(actor: Actor, leadId: string): Promise<LeadRow> {
  enforce(leadPolicy.read(actor), 'Lead');
  const lead = await leadRepository.get(leadId);
  if (!lead) throw new NotFoundError('Lead');
  return lead;
}

async function workloadOf(userId: string): Promise<{ openLeads: number; openOpportunities: number }> {
  const [openLeads, openOpportunities] = await Promise.all([leadRepository.countOpenByOwner(userId), leadRepository.countOpenOpportunities(userId)]);
  return { openLeads, openOpportunities };
}

/**
 * Assigns new leads under the assignment rules. Reps' opt-outs, workloads and the round-robin
 * pointer are read once per assigner and then kept in memory, so a batch of new leads (an
 * import chunk) reads them once and each pick sees the ones before it.
 */
export type LeadAssigner = {
  /** The rep a new lead goes to, or undefined when no rep is eligible. */
  assign(fields: Pick<LeadFields, 'productInterest' | 'territory'>): Promise<string | undefined>;
  /** Store the round-robin pointer after the last pick. */
  save(): Promise<void>;
};

function leadAssigner(rules: LeadRules): LeadAssigner {
  const optedOut = new Map<string, boolean>();
  /** Open leads + open opportunities as stored when first needed… */
  const stored = new Map<string, number>();
  /** …plus the leads this assigner has given each rep since. */
  const given = new Map<string, number>();
  let last: { userId?: string } | undefined;
  let picked = false;

  async function eligibleOf(candidates: string[]): Promise<string[]> {
    const unknown = candidates.filter((id) => !optedOut.has(id));
    if (unknown.length > 0) {
      const out = await leadSettingsRepository.optedOut(unknown);
      for (const id of unknown) if (!optedOut.has(id)) optedOut.set(id, out.has(id));
    }
    const eligible = candidates.filter((id) => !optedOut.get(id));
    // A lone eligible rep takes the lead whatever its load: no need to count it.
    const weighed = eligible.length > 1 ? eligible.filter((id) => !stored.has(id)) : [];
    const loads = await Promise.all(weighed.map(async (id) => [id, await workloadOf(id)] as const));
    for (const [id, load] of loads) if (!stored.has(id)) stored.set(id, load.openLeads + load.openOpportunities);
    if (!last) {
      const lastStored = await leadSettingsRepository.lastAssignedRep();
      last ??= { userId: lastStored };
    }
    return eligible;
  }

  return {
    async assign(fields) {
      const candidates = eligibleReps(fields, rules.assignment, new Set());
      if (candidates.length === 0) return undefined;
      const eligible = await eligibleOf(candidates);
      // No await from here on, so picks made side by side in a batch see each other.
      const workload = new Map(eligible.map((id) => [id, (stored.get(id) ?? 0) + (given.get(id) ?? 0)]));
      const chosen = chooseRep(workload, last?.userId);
      if (chosen) {
        given.set(chosen, (given.get(chosen) ?? 0) + 1);
        last = { userId: chosen };
        picked = true;
      }
      return chosen;
    },
    async save() {
      if (picked && last?.userId) await leadSettingsRepository.setLastAssignedRep(last.userId);
      picked = false;
    },
  };
}

/** What the lead writes of one request or one import chunk share: the rules (read once) and one assigner. */
export type LeadWriteContext = { rules: LeadRules; assigner: LeadAssigner };

async function leadWriteContext(): Promise<LeadWriteContext> {
  const { rules } = await currentRules();
  return { rules, assigner: leadAssigner(rules) };
}

/** How many of the lead's activities earn engagement points under the rules. */
async function engagementOf(leadId: string, rules: LeadRules): Promise<number> {
  return engagementCount(await activityRepository.doneOn('lead', leadId), rules.scoring);
}

/** A new lead record: scored by the rules, assigned by them when no owner is given (stored with leadRepository.writeOperations, which adds its duplicate markers). */
async function newScoredLead(fields: LeadFields, context: LeadWriteContext, leadId?: string): Promise<LeadRow> {
  const ownerId = fields.ownerId ?? (await context.assigner.assign(fields));
  return newLeadRecord({ ...fields, ownerId }, scoreLead(fields, context.rules.scoring), leadId);
}

/** The record after a change, rescored by the rules with the lead's engagement (counted unless given). */
async function changedScoredLead(before: LeadRow, changes: Partial<Record<keyof LeadRow, unknown>>, rules: LeadRules, engagement?: number): Promise<LeadRow> {
  const merged = changedLeadRecord(before, changes);
  const activityCount = engagement ?? (await engagementOf(before.leadId, rules));
  return { ...merged, score: scoreLead(merged, rules.scoring, activityCount) };
}

/**
 * The lead-writing rules for services that create and change leads in bulk (the CSV import):
 * the same scoring, assignment and duplicate markers as a lead created or changed one at a time.
 */
export const leadWrites = { context: leadWriteContext, create: newScoredLead, change: changedScoredLead };

/** Create a lead: scored by the rules, assigned by them when no owner is given, with its duplicate markers. */
async function createLead(fields: LeadFields): Promise<Lead> {
  const context = await leadWriteContext();
  const row = await newScoredLead(fields, context);
  await context.assigner.save();
  await transact(leadRepository.writeOperations(row));
  return withDuplicates(row);
}

/**
 * Recompute a lead's score after its activities changed (a call logged, a meeting done).
 * Retried a few times when the lead changes meanwhile; a converted lead keeps its score.
 */
export async function rescoreLead(leadId: string): Promise<void> {
  const { rules } = await currentRules();
  for (let attempt = 0; attempt < 3; attempt++) {
    const lead = await leadRepository.get(leadId);
    if (!lead || lead.status === 'converted') return;
    const score = scoreLead(lead, rules.scoring, await engagementOf(leadId, rules));
    if (score === lead.score || (await leadRepository.setScore(leadId, lead.version, score))) return;
  }
}

/** Store a changed lead, conditional on the version (and, for conversions, on it still being open). */
async function save(before: LeadRow, after: LeadRow, version: number, openOnly = false, extra: ReturnType<typeof op.put>[] = []): Promise<void> {
  try {
    await transact([...leadRepository.writeOperations(after, before, { version, openOnly }), ...extra]);
  } catch (error) {
    if (error instanceof TransactionConflict && error.failedIndexes.includes(0)) {
      const current = await leadRepository.get(before.leadId);
      if (current?.status === 'converted') throw new ConflictError('lead_already_converted', 'This lead has already been converted.', { cause: error });
      throw new VersionConflictError(current?.version);
    }
    throw error;
  }
}

function refuseClosed(lead: LeadRow): void {
  if (lead.status === 'converted') throw new ConflictError('lead_already_converted', 'This lead has already been converted.');
}

/** "Hendra Gunawan" → first name "Hendra", last name "Gunawan"; a single word is the last name. */
function splitName(name: string): { firstName?: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  const lastName = words.pop()!;
  return words.length > 0 ? { firstName: words.join(' '), lastName } : { lastName };
}

/** A ConditionCheck that the account still exists when the transaction commits. */
function accountExistsCheck(accountId: string) {
  const { Key, TableName } = AccountEntity().get({ accountId }).params() as { Key: Record<string, unknown>; TableName: string };
  return op.check({ Key, TableName, ConditionExpression: 'attribute_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } });
}

export const leadService = {
  async list(actor: Actor, page: PageInput, filter: { status?: LeadStatus; ownerId?: string }): Promise<Page<Lead>> {
    enforce(leadPolicy.read(actor), 'Lead');
    const rows = await leadRepository.list({ ...page, callerId: actor.userId, list: `leads:${filter.status ?? ''}:${filter.ownerId ?? ''}` }, filter);
    return { items: await Promise.all(rows.items.map(withDuplicates)), nextCursor: rows.nextCursor };
  },

  async get(actor: Actor, leadId: string): Promise<Lead> {
    return withDuplicates(await readable(actor, leadId));
  },

  async create(actor: Actor, input: LeadCreate): Promise<Lead> {
    enforce(leadPolicy.manage(actor), 'Lead');
    await checkOwner(input.ownerId);
    return createLead(input);
  },

  /** Change fields (the score is recomputed); `status` moves between new and qualified, or reopens a disqualified lead. */
  async update(actor: Actor, leadId: string, version: number, patch: LeadPatch): Promise<Lead> {
    const before = await readable(actor, leadId);
    enforce(leadPolicy.manage(actor), 'Lead');
    refuseClosed(before);
    await checkOwner(patch.ownerId);
    const { version: _bodyVersion, ...changes } = patch;
    const reopened = changes.status !== undefined && before.status === 'disqualified' ? { disqualifyReason: null } : {};
    const { rules } = await currentRules();
    const after = await changedScoredLead(before, { ...changes, ...reopened }, rules);
    await save(before, after, version);
    return withDuplicates(after);
  },

  async disqualify(actor: Actor, leadId: string, version: number, reason: string): Promise<Lead> {
    const before = await readable(actor, leadId);
    enforce(leadPolicy.manage(actor), 'Lead');
    refuseClosed(before);
    const after = changedLeadRecord(before, { status: 'disqualified', disqualifyReason: reason });
    await save(before, after, version);
    return withDuplicates(after);
  },

  /**
   * Convert a lead into an opportunity, with a new account and contact (or a new contact on
   * an existing account), all in one transaction that also closes the lead — so it either
   * happens whole or not at all, and only once.
   */
  async convert(actor: Actor, leadId: string, input: LeadConvert, version?: number): Promise<{ accountId: string; contactId: string; opportunityId: string }> {
    const lead = await readable(actor, leadId);
    enforce(leadPolicy.manage(actor), 'Lead');
    refuseClosed(lead);
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
    const open = stages.filter((s) => !s.isWon && !s.isLost);
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
      account ? op.put(AccountEntity().create(account).params()) : accountExistsCheck(accountId),
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
      if (error.failedIndexes.includes(0)) {
        const current = await leadRepository.get(leadId);
        if (current?.status === 'converted') throw new ConflictError('lead_already_converted', 'This lead has already been converted.', { cause: error });
        throw new VersionConflictError(current?.version);
      }
      if (!account && error.failedIndexes.includes(leadItems.length)) throw new NotFoundError('Account');
      throw new ConflictError('conversion_conflict', 'The conversion clashed with another change. Try again.', { cause: error });
    }
    return convertedTo;
  },

  async rules(actor: Actor): Promise<LeadRules & { updatedAt?: string }> {
    enforce(leadPolicy.readRules(actor), 'Lead rules');
    const { rules, updatedAt } = await currentRules();
    return { ...rules, updatedAt };
  },

  /** Replace the scoring and assignment rules (existing leads are rescored when they next change). */
  async replaceRules(actor: Actor, rules: LeadRules): Promise<LeadRules & { updatedAt: string }> {
    enforce(leadPolicy.writeRules(actor), 'Lead rules');
    const updatedAt = await leadSettingsRepository.putRules(rules);
    return { ...rules, updatedAt };
  },

  /** The reps named in the assignment rules, with their opt-out and workload. */
  async reps(actor: Actor): Promise<LeadRep[]> {
    enforce(leadPolicy.readRules(actor), 'Lead rules');
    const { rules } = await currentRules();
    const ids = [...new Set([...rules.assignment.rules.flatMap((r) => r.repIds), ...rules.assignment.defaultRepIds])].sort();
    const optedOut = await leadSettingsRepository.optedOut(ids);
    return Promise.all(ids.map(async (userId) => ({ userId, optedOut: optedOut.has(userId), ...(await workloadOf(userId)) })));
  },

  /** Opt a rep out of (or back into) lead assignment. */
  async setRepAvailability(actor: Actor, userId: string, optedOut: boolean): Promise<LeadRep> {
    enforce(leadPolicy.setRepAvailability(actor, userId), 'User');
    const user = await userRepository.get(userId);
    if (!user || !user.audiences.includes('staff')) throw new NotFoundError('User');
    await leadSettingsRepository.setOptedOut(userId, optedOut);
    return { userId, optedOut, ...(await workloadOf(userId)) };
  },

  /**
   * The public "contact sales" form: rate-limited per IP; a filled-in honeypot is answered
   * like a real request but creates nothing, so a bot learns nothing.
   */
  async contactSales(input: ContactSales, ip: string): Promise<void> {
    await consume(`contact-sales:ip:${ip}`, LIMITS.contactSalesPerIp);
    if (input.website?.trim()) return;
    await createLead({
      title: `Contact sales — ${input.companyName ?? input.name}`,
      companyName: input.companyName,
      contactName: input.name,
      email: input.email,
      phone: input.phone,
      source: 'web',
      memo: input.message,
      productInterest: input.productInterest,
    });
  },
};

