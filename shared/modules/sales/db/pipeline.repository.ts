import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { DEFAULT_STAGES } from '../domain/sales-vocabulary';
import type { Stage, TotalDelta } from '../domain/pipeline';
import { newId } from '../../../platform/db/keys';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { PipelineStagesEntity } from './pipeline-stage.entity';
import { StageChangeEntity, type NewStageChange, type StageChangeRow } from './stage-change.entity';
import { StageTotalEntity, type StageTotalRow } from './stage-total.entity';

/** A running total with its sums (zero until first added to). */
export type StageTotal = Required<StageTotalRow>;

/** What a stage history entry records (`at`: now unless given). */
export type StageChangeEntry = Omit<NewStageChange, 'changeId' | 'at'> & { at?: string };

export const pipelineRepository = {
  /** The configured stages in order; the defaults until an admin replaces them. */
  async stages(): Promise<{ stages: Stage[]; version: number }> {
    const { data } = await PipelineStagesEntity().get({}).go();
    if (!data) return { stages: DEFAULT_STAGES.map((s) => ({ ...s })), version: 0 };
    return { stages: data.stages, version: data.version };
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
  history(opportunityId: string, request: PageRequest): Promise<Page<StageChangeRow>> {
    return queryPage(request, (options) => StageChangeEntity().query.byOpportunity({ opportunityId }).go(options), (row) => row);
  },
};
