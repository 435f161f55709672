import type { Page } from '../../../platform/page';
import type { Stage, StageChange } from '../schemas/opportunity.schema';
import { nowIso } from '../../../platform/clock';
import { DEFAULT_STAGES } from '../domain/sales-vocabulary';
import type { StageChangeKind, TotalDelta } from '../domain/pipeline';
import { newId } from '../../../platform/db/keys';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { PipelineStagesEntity } from './pipeline-stage.entity';
import { StageChangeEntity } from './stage-change.entity';
import { StageTotalEntity } from './stage-total.entity';

export type StageTotal = { stage: string; currency: string; count: number; amount: number; weighted: number };
export type StageChangeEntry = { opportunityId: string; kind: StageChangeKind; fromStage?: string; toStage: string; probability?: number; actorId?: string; reason?: string; at?: string };

type StageChangeRow = Required<Pick<StageChangeEntry, 'opportunityId' | 'kind' | 'toStage' | 'at'>> & StageChangeEntry & { changeId: string };

function toStageChange(row: StageChangeRow): StageChange {
  return { at: row.at, kind: row.kind, from: row.fromStage, to: row.toStage, probability: row.probability, actorId: row.actorId, reason: row.reason };
}

export const pipelineRepository = {
  /** The configured stages in order; the defaults until an admin replaces them. */
  async stages(): Promise<{ stages: Stage[]; version: number }> {
    const { data } = await PipelineStagesEntity().get({}).go();
    if (!data) return { stages: DEFAULT_STAGES.map((s) => ({ ...s })), version: 0 };
    return { stages: data.stages as Stage[], version: data.version };
  },

  /** Replace the stage list, only if nobody replaced it since `version` was read. */
  async replaceStages(stages: Stage[], version: number, actorId: string): Promise<boolean> {
    const item = { stages, version: version + 1, updatedAt: nowIso(), updatedBy: actorId };
    const write = PipelineStagesEntity().put(item);
    const guarded = version === 0 ? write.where((attr, { notExists }) => notExists(attr.version)) : write.where((attr, { eq }) => eq(attr.version, version));
    try {
      await transact([op.put(guarded.params())]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConflict) return false;
      throw error;
    }
  },

  /** Every running total (one small Query: stages × currencies). */
  async totals(): Promise<StageTotal[]> {
    const { data } = await StageTotalEntity().query.byStage({}).go({ pages: 'all' });
    return data.map((t) => ({ stage: t.stage, currency: t.currency, count: t.count ?? 0, amount: t.amount ?? 0, weighted: t.weighted ?? 0 }));
  },

  /** The update operation that moves one running total by `delta` (creating it on first use). */
  totalOperation(delta: TotalDelta) {
    return op.update(StageTotalEntity().update({ stage: delta.stage, currency: delta.currency }).add({ count: delta.count, amount: delta.amount, weighted: delta.weighted }).params());
  },

  /** The put operation for a stage history entry, committed with the change it records. */
  stageChangeOperation(entry: StageChangeEntry) {
    return op.put(StageChangeEntity().put({ ...entry, at: entry.at ?? nowIso(), changeId: newId() }).params());
  },

  /** An opportunity's stage history, oldest first: one Query in its partition. */
  history(opportunityId: string, request: PageRequest): Promise<Page<StageChange>> {
    return queryPage(
      request,
      (options) => StageChangeEntity().query.byOpportunity({ opportunityId }).go(options),
      (row) => toStageChange(row as StageChangeRow),
    );
  },
};
