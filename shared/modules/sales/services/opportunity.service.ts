import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { mapPage, type Page } from '../../../platform/page';
import type { BoardColumn, Opportunity, OpportunityCreate, OpportunityPatch, StageChange } from '../schemas/opportunity.schema';
import type { Actor } from '../../identity/domain/identity';
import { opportunityPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, NotFoundError, ValidationError, VersionConflictError } from '../../../platform/errors';
import { nowIso } from '../../../platform/clock';
import { forecastBuckets, lostStage, openStages, probabilityAfterMove, stageProblems, totalDeltas, wonStage, type ForecastBucket, type Stage } from '../domain/pipeline';
import { accountRepository } from '../../crm/db/account.repository';
import type { OpportunityRow } from '../db/opportunity.entity';
import { boardRank, newOpportunityRecord, opportunityRepository } from '../db/opportunity.repository';
import { partyRepository } from '../../identity/db/party.repository';
import { pipelineRepository } from '../db/pipeline.repository';
import { changedRow } from '../db/row-changes';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import type { PageRequest } from '../../../platform/db/page';
import { checkOwner } from '../../identity/services/record-owner';
import { toBoardColumn, toOpportunity, toStageChange } from './sales-views';
import { withNames } from './opportunity-names';

type PageInput = { limit: number; cursor?: string };

/** An opportunity as the API answers it, with its account's name. */
const answer = async (row: OpportunityRow): Promise<Opportunity> => (await withNames([toOpportunity(row)]))[0]!;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const stageName = (stages: readonly Stage[], id: string | undefined) => stages.find((s) => s.id === id)?.name ?? id ?? '';

/** The running-total updates that take `before` out of its column and put `after` in. */
function totalOperations(before: OpportunityRow | undefined, after: OpportunityRow | undefined): TransactItem[] {
  const contribution = (row: OpportunityRow | undefined) => row && { stage: row.stage, currency: row.currency, amount: row.amount, probability: row.probability, status: row.status };
  return totalDeltas(contribution(before), contribution(after)).map((delta) => pipelineRepository.totalOperation(delta));
}

/**
 * Everything that records a new opportunity in one transaction: the record, its column's
 * running totals, the first stage history entry and the account timeline entry. Lead
 * conversion puts these in its own transaction.
 */
export function opportunityCreateOperations(row: OpportunityRow, actorId?: string, stages: readonly Stage[] = []): TransactItem[] {
  return [
    op.put(opportunityRepository.createOperation(row)),
    ...totalOperations(undefined, row),
    pipelineRepository.stageChangeOperation({ opportunityId: row.opportunityId, kind: 'created', toStage: row.stage, probability: row.probability, actorId, at: row.createdAt }),
    timelineRepository.addOperation({ accountId: row.accountId, type: 'opportunity', recordId: row.opportunityId, title: 'Opportunity created', summary: `${row.name} — ${stageName(stages, row.stage)}, ${row.probability}%`, actorId, at: row.createdAt }),
  ];
}

/**
 * Close an open opportunity as won or lost: the record (conditional on the version read),
 * its running totals, history and timeline entry. A quote confirmation wins its opportunity
 * with `opportunityCloseOperations(row, 'won', …)` in the confirmation's transaction.
 */
export async function opportunityCloseOperations(row: OpportunityRow, outcome: 'won' | 'lost', actorId?: string, reason?: string): Promise<{ next: OpportunityRow; items: TransactItem[] }> {
  if (row.status !== 'open') throw new BusinessRuleError('opportunity_closed', `The opportunity is already ${row.status}.`);
  const { stages } = await pipelineRepository.stages();
  const stage = outcome === 'won' ? wonStage(stages) : lostStage(stages);
  const at = nowIso();
  const next: OpportunityRow = { ...row, status: outcome, stage: stage.id, probability: stage.probability, closedAt: at, updatedAt: at, version: row.version + 1, ...(reason ? { lostReason: reason } : {}) };
  return {
    next,
    items: [
      opportunityRepository.replaceOperation(next, row.version),
      ...totalOperations(row, next),
      pipelineRepository.stageChangeOperation({ opportunityId: row.opportunityId, kind: outcome, fromStage: row.stage, toStage: stage.id, probability: stage.probability, actorId, reason, at }),
      timelineRepository.addOperation({ accountId: row.accountId, type: 'opportunity', recordId: row.opportunityId, title: outcome === 'won' ? 'Opportunity won' : 'Opportunity lost', summary: reason ? `${row.name} — ${reason}` : row.name, actorId, at }),
    ],
  };
}

async function commit(items: TransactItem[]): Promise<void> {
  try {
    await transact(items);
  } catch (error) {
    if (error instanceof TransactionConflict) throw new VersionConflictError();
    throw error;
  }
}

async function stored(opportunityId: string): Promise<OpportunityRow> {
  const row = await opportunityRepository.get(opportunityId);
  if (!row) throw new NotFoundError('Opportunity');
  return row;
}

async function readable(actor: Actor, opportunityId: string): Promise<OpportunityRow> {
  enforce(opportunityPolicy.read(actor), 'Opportunity');
  return stored(opportunityId);
}

/** An open stage by id: unknown ids are bad input, closing stages go through won/lost. */
function openStage(stages: readonly Stage[], id: string): Stage {
  const stage = stages.find((s) => s.id === id);
  if (!stage) throw new ValidationError(`Unknown stage "${id}".`, [{ path: 'stage', message: 'Unknown stage' }]);
  if (stage.isWon || stage.isLost) throw new BusinessRuleError('use_won_lost', 'Close an opportunity with the won or lost action.');
  return stage;
}

type ListFilter = { stage?: string; ownerId?: string; accountId?: string };

/** The rows a list filter names; without one, the caller's own open opportunities. */
function listed(filter: ListFilter, request: PageRequest): Promise<Page<OpportunityRow>> {
  if (filter.accountId) return opportunityRepository.byAccount(filter.accountId, request, filter);
  if (filter.ownerId) return opportunityRepository.openByOwner(filter.ownerId, request, filter.stage);
  if (filter.stage) return opportunityRepository.openByStage(filter.stage, request);
  return opportunityRepository.openByOwner(request.callerId, request);
}

function checkVersion(row: OpportunityRow, expected: number): void {
  if (row.version !== expected) throw new VersionConflictError(row.version);
}

export const opportunityService = {
  async stages(actor: Actor): Promise<Stage[]> {
    enforce(opportunityPolicy.read(actor), 'Pipeline');
    return (await pipelineRepository.stages()).stages;
  },

  /** Replace the stage list; a stage that still holds open opportunities cannot be dropped. */
  async replaceStages(actor: Actor, stages: Stage[]): Promise<Stage[]> {
    enforce(opportunityPolicy.configureStages(actor), 'Pipeline');
    const problems = stageProblems(stages);
    if (problems.length > 0) throw new ValidationError(problems.join(' '), problems.map((message) => ({ path: 'stages', message })));
    const current = await pipelineRepository.stages();
    const kept = new Set(openStages(stages).map((s) => s.id));
    const stranded = (await pipelineRepository.totals()).filter((t) => t.count > 0 && !kept.has(t.stage));
    if (stranded.length > 0) throw new BusinessRuleError('stage_in_use', `Move the open opportunities out of ${[...new Set(stranded.map((t) => t.stage))].join(', ')} first.`);
    if (!(await pipelineRepository.replaceStages(stages, current.version, actor.userId))) throw new VersionConflictError();
    return stages;
  },

  /** By account (every status), by owner or by stage (open ones); without a filter, the caller's own open opportunities. */
  async list(actor: Actor, filter: ListFilter, page: PageInput): Promise<Page<Opportunity>> {
    enforce(opportunityPolicy.read(actor), 'Opportunity');
    const list = `opportunities:${filter.accountId ?? ''}:${filter.ownerId ?? ''}:${filter.stage ?? ''}`;
    const result = mapPage(await listed(filter, { ...page, callerId: actor.userId, list }), toOpportunity);
    return { ...result, items: await withNames(result.items) };
  },

  async get(actor: Actor, opportunityId: string): Promise<Opportunity> {
    return answer(await readable(actor, opportunityId));
  },

  async create(actor: Actor, input: OpportunityCreate): Promise<Opportunity> {
    enforce(opportunityPolicy.write(actor), 'Opportunity');
    await checkOwner(input.ownerId);
    const { stages } = await pipelineRepository.stages();
    const stage = input.stage ? openStage(stages, input.stage) : openStages(stages)[0]!;
    if (!(await accountRepository.get(input.accountId))) throw new NotFoundError('Account');
    if (input.contactId) {
      const contact = await partyRepository.get(input.contactId);
      if (!contact?.isContact) throw new NotFoundError('Contact');
    }
    const row = newOpportunityRecord({
      ownerId: actor.userId,
      ...input,
      stage: stage.id,
      probability: input.probability ?? stage.probability,
      probabilityManual: input.probability !== undefined,
    });
    await transact(opportunityCreateOperations(row, actor.userId, stages));
    return answer(row);
  },

  /** Change fields; `stage` moves the card (probability follows unless set by hand), `probability` sets it by hand. */
  async update(actor: Actor, opportunityId: string, version: number, patch: OpportunityPatch): Promise<Opportunity> {
    const row = await readable(actor, opportunityId);
    enforce(opportunityPolicy.write(actor), 'Opportunity');
    checkVersion(row, version);
    await checkOwner(patch.ownerId);
    const { stages } = await pipelineRepository.stages();
    const moving = patch.stage !== undefined && patch.stage !== row.stage;
    if (row.status !== 'open' && (moving || patch.probability !== undefined || patch.expectedRevenue !== undefined)) {
      throw new BusinessRuleError('opportunity_closed', `The opportunity is already ${row.status}.`);
    }
    const target = moving ? openStage(stages, patch.stage!) : undefined;
    if (patch.contactId) {
      const contact = await partyRepository.get(patch.contactId);
      if (!contact?.isContact) throw new NotFoundError('Contact');
    }
    const at = nowIso();
    const { name, contactId, expectedCloseDate, ownerId } = patch;
    const next: OpportunityRow = { ...changedRow(row, { name, contactId, expectedCloseDate, ownerId }), updatedAt: at, version: row.version + 1 };
    if (patch.expectedRevenue) Object.assign(next, { amount: patch.expectedRevenue.amount, currency: patch.expectedRevenue.currency });
    if (patch.priority !== undefined) Object.assign(next, { priority: patch.priority, boardRank: boardRank(patch.priority, row.createdAt) });
    if (patch.probability !== undefined) Object.assign(next, { probability: patch.probability, probabilityManual: true });
    if (target) Object.assign(next, { stage: target.id, probability: probabilityAfterMove(next, target) });

    const items = [opportunityRepository.replaceOperation(next, version), ...totalOperations(row, next)];
    if (target) {
      items.push(
        pipelineRepository.stageChangeOperation({ opportunityId, kind: 'moved', fromStage: row.stage, toStage: target.id, probability: next.probability, actorId: actor.userId, at }),
        timelineRepository.addOperation({ accountId: row.accountId, type: 'opportunity', recordId: opportunityId, title: `Stage: ${stageName(stages, row.stage)} → ${target.name}`, summary: `${next.name} — ${next.probability}%`, actorId: actor.userId, at }),
      );
    }
    await commit(items);
    return answer(next);
  },

  async won(actor: Actor, opportunityId: string, version?: number): Promise<Opportunity> {
    return close(actor, opportunityId, 'won', version);
  },

  async lost(actor: Actor, opportunityId: string, reason: string, version?: number): Promise<Opportunity> {
    return close(actor, opportunityId, 'lost', version, reason);
  },

  async history(actor: Actor, opportunityId: string, page: PageInput): Promise<Page<StageChange>> {
    await readable(actor, opportunityId);
    return mapPage(await pipelineRepository.history(opportunityId, { ...page, callerId: actor.userId, list: `stage-history:${opportunityId}` }), toStageChange);
  },

  /** The kanban: one keyed Query per open stage (first page each) and the running totals. */
  async board(actor: Actor, limit: number): Promise<{ columns: BoardColumn[] }> {
    enforce(opportunityPolicy.read(actor), 'Pipeline');
    const [{ stages }, totals] = await Promise.all([pipelineRepository.stages(), pipelineRepository.totals()]);
    const columns = await Promise.all(
      openStages(stages).map(async (stage) => toBoardColumn(stage, await opportunityRepository.openByStage(stage.id, { limit, callerId: actor.userId, list: `board:${stage.id}` }), totals)),
    );
    // One batch read of the account names for the whole board.
    const named = await withNames(columns.flatMap((column) => column.opportunities));
    let next = 0;
    return { columns: columns.map((column) => ({ ...column, opportunities: column.opportunities.map(() => named[next++]!) })) };
  },

  /** More cards of one column. */
  async column(actor: Actor, stageId: string, page: PageInput): Promise<BoardColumn> {
    enforce(opportunityPolicy.read(actor), 'Pipeline');
    const [{ stages }, totals] = await Promise.all([pipelineRepository.stages(), pipelineRepository.totals()]);
    const stage = openStages(stages).find((s) => s.id === stageId);
    if (!stage) throw new NotFoundError('Stage');
    const column = toBoardColumn(stage, await opportunityRepository.openByStage(stage.id, { ...page, callerId: actor.userId, list: `board:${stage.id}` }), totals);
    return { ...column, opportunities: await withNames(column.opportunities) };
  },

  /** Open opportunities of one rep (the caller by default), or of `everyone`, by expected close month and stage. */
  async forecast(actor: Actor, ownerId?: string | 'everyone'): Promise<{ ownerId?: string; months: ForecastBucket[] }> {
    enforce(opportunityPolicy.read(actor), 'Pipeline');
    const { stages } = await pipelineRepository.stages();
    const order = stages.map((s) => s.id);
    if (ownerId === 'everyone') {
      // Each open stage is one keyed Query (the board's columns), read to the end.
      const columns = await Promise.all(openStages(stages).map((stage) => opportunityRepository.allOpenOfStage(stage.id)));
      return { months: forecastBuckets(columns.flat(), order) };
    }
    const owner = ownerId ?? actor.userId;
    return { ownerId: owner, months: forecastBuckets(await opportunityRepository.allOpenOfOwner(owner), order) };
  },
};

async function close(actor: Actor, opportunityId: string, outcome: 'won' | 'lost', version?: number, reason?: string): Promise<Opportunity> {
  const row = await readable(actor, opportunityId);
  enforce(opportunityPolicy.write(actor), 'Opportunity');
  if (version !== undefined && row.status === 'open') checkVersion(row, version);
  const { next, items } = await opportunityCloseOperations(row, outcome, actor.userId, reason);
  await commit(items);
  return answer(next);
}
