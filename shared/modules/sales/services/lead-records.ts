import type { Actor } from '../../identity/domain/identity';
import type { LeadRules } from '../schemas/lead.schema';
import { enforce } from '../../../platform/access';
import { ConflictError, NotFoundError, VersionConflictError } from '../../../platform/errors';
import { leadPolicy } from '../policy';
import { engagementCount, scoreLead } from '../domain/lead-scoring';
import type { LeadRow } from '../db/lead.entity';
import { changedLeadRecord, leadRepository, newLeadRecord, type LeadFields } from '../db/lead.repository';
import { activityRepository } from '../db/activity.repository';
import type { RowChanges } from '../db/row-changes';
import type { TransactionConflict } from '../../../platform/db/transaction';
import { currentRules, leadAssigner, type LeadAssigner } from './lead-rules.service';

/**
 * What the lead services and the CSV import share: reading a lead the caller may reach, and
 * writing leads by one set of rules (scoring, assignment, duplicate markers, conflicts).
 */

/** A lead the caller may read; 404 when there is none. */
export async function readableLead(actor: Actor, leadId: string): Promise<LeadRow> {
  enforce(leadPolicy.read(actor), 'Lead');
  const lead = await leadRepository.get(leadId);
  if (!lead) throw new NotFoundError('Lead');
  return lead;
}

const alreadyConverted = (options?: { cause: unknown }) => new ConflictError('lead_already_converted', 'This lead has already been converted.', options);

/** A converted lead is closed: it changes no more. */
export function refuseConverted(lead: LeadRow): void {
  if (lead.status === 'converted') throw alreadyConverted();
}

/** What to answer when a lead's conditional write (the first item of its transaction) failed: converted meanwhile, or changed. */
export async function leadWriteRefused(leadId: string, conflict: TransactionConflict): Promise<Error> {
  const current = await leadRepository.get(leadId);
  return current?.status === 'converted' ? alreadyConverted({ cause: conflict }) : new VersionConflictError(current?.version);
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
async function changedScoredLead(before: LeadRow, changes: RowChanges<LeadRow>, rules: LeadRules, engagement?: number): Promise<LeadRow> {
  const merged = changedLeadRecord(before, changes);
  const activityCount = engagement ?? (await engagementOf(before.leadId, rules));
  return { ...merged, score: scoreLead(merged, rules.scoring, activityCount) };
}

/**
 * The lead-writing rules for services that create and change leads, one at a time or in bulk
 * (the CSV import): the same scoring, assignment and duplicate markers everywhere.
 */
export const leadWrites = { context: leadWriteContext, create: newScoredLead, change: changedScoredLead };

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
