import type { Activity } from '../schemas/activity.schema';
import type { Lead } from '../schemas/lead.schema';
import type { LeadImport } from '../schemas/lead-import.schema';
import type { BoardColumn, Opportunity, StageChange } from '../schemas/opportunity.schema';
import type { Duplicate } from '../domain/lead-duplicates';
import { importStatus } from '../domain/lead-import';
import type { Stage } from '../domain/pipeline';
import type { Page } from '../../../platform/page';
import type { ActivityRow } from '../db/activity.entity';
import type { LeadRow } from '../db/lead.entity';
import type { LeadImportRow } from '../db/lead-import.entity';
import type { ChunkProgressRow } from '../db/lead-import.repository';
import type { OpportunityRow } from '../db/opportunity.entity';
import type { StageChangeRow } from '../db/stage-change.entity';
import type { StageTotal } from '../db/pipeline.repository';

/** A lead as the API shows it, with the other leads it may duplicate. */
export function toLead({ leadId, matchKeys: _keys, ownerKey: _ownerKey, ...rest }: LeadRow, duplicates: Duplicate[] = []): Lead {
  return { ...rest, id: leadId, duplicates };
}

/** An activity as the API shows it: the record it concerns as `related`. */
export function toActivity({ activityId, relatedType, relatedId, dueSort: _dueSort, ...rest }: ActivityRow): Activity {
  return { ...rest, id: activityId, related: { type: relatedType, id: relatedId } };
}

/** An opportunity as the API shows it: amount and currency as the expected revenue. */
export function toOpportunity({ opportunityId, amount, currency, closedAt: _closedAt, boardRank: _rank, ...rest }: OpportunityRow): Opportunity {
  return { ...rest, id: opportunityId, expectedRevenue: { amount, currency } };
}

/** A stage history entry as the API shows it. */
export function toStageChange(row: StageChangeRow): StageChange {
  return { at: row.at, kind: row.kind, from: row.fromStage, to: row.toStage, probability: row.probability, actorId: row.actorId, reason: row.reason };
}

/** One kanban column: a page of its cards and the running totals of the whole column, per currency. */
export function toBoardColumn(stage: Stage, cards: Page<OpportunityRow>, totals: readonly StageTotal[]): BoardColumn {
  const columnTotals = totals
    .filter((t) => t.stage === stage.id && t.count !== 0)
    .map(({ currency, count, amount, weighted }) => ({ currency, count, amount, weighted }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
  return { stage, opportunities: cards.items.map(toOpportunity), nextCursor: cards.nextCursor, totals: columnTotals };
}

/** An import as the API shows it: its status and failed chunks read from its chunks' work states. */
export function toLeadImport({ importId, mapping, ...rest }: LeadImportRow, chunks: readonly ChunkProgressRow[], status = importStatus(rest, chunks)): LeadImport {
  return {
    ...rest,
    id: importId,
    status,
    // The mapping the import stored when it started: column → field, as JSON.
    mapping: JSON.parse(mapping) as LeadImport['mapping'],
    ...(status === 'completed' ? { completedAt: rest.updatedAt } : {}),
    failedChunks: chunks
      .filter((chunk) => chunk.workState === 'failed')
      .map((chunk) => ({ chunkNo: chunk.chunkNo, firstRow: chunk.firstRow, lastRow: chunk.lastRow, rowCount: chunk.rowCount, attempts: chunk.workAttempts, reason: chunk.workError ?? '' })),
  };
}
