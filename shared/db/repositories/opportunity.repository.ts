import type { Opportunity, OpportunityCreate } from '../../schemas/opportunity.schema';
import { nowIso } from '../../domain/clock';
import { newId } from '../keys';
import { db } from '../service';

export type OpportunityRow = Omit<Opportunity, 'id' | 'expectedRevenue'> & { opportunityId: string; amount: number; currency: string; closedAt?: string; boardRank: string };

/** Sort key of a card in its column: priority 3 first, then the oldest. */
export function boardRank(priority: number, createdAt: string): string {
  return `${3 - priority}#${createdAt}`;
}

export function toOpportunity({ opportunityId, amount, currency, closedAt: _closedAt, boardRank: _rank, ...rest }: OpportunityRow): Opportunity {
  return { ...rest, id: opportunityId, expectedRevenue: { amount, currency }, probabilityManual: rest.probabilityManual ?? false, priority: rest.priority ?? 0 };
}

/** A new open opportunity record (not yet stored), e.g. for a lead conversion's transaction. */
export function newOpportunityRecord(
  input: Omit<OpportunityCreate, 'stage' | 'probability'> & { stage: string; probability: number; probabilityManual: boolean; leadId?: string },
): OpportunityRow {
  const at = nowIso();
  const { expectedRevenue, ...rest } = input;
  const priority = input.priority ?? 0;
  return { ...rest, opportunityId: newId(), amount: expectedRevenue.amount, currency: expectedRevenue.currency, priority, boardRank: boardRank(priority, at), status: 'open', version: 1, createdAt: at, updatedAt: at };
}

export const opportunityRepository = {
  createOperation(row: OpportunityRow) {
    return db().entities.opportunity.create(row).params();
  },

  async get(opportunityId: string): Promise<OpportunityRow | undefined> {
    const { data } = await db().entities.opportunity.get({ opportunityId }).go();
    return (data as OpportunityRow | null) ?? undefined;
  },

  /** Close as won, only if still open (a quote confirmation wins its opportunity once). */
  markWonOperation(row: Pick<OpportunityRow, 'opportunityId' | 'boardRank'>) {
    return db()
      .entities.opportunity.patch({ opportunityId: row.opportunityId })
      .set({ status: 'won', stage: 'won', probability: 100, closedAt: nowIso(), updatedAt: nowIso(), boardRank: row.boardRank })
      .add({ version: 1 })
      .where((attr, { eq }) => eq(attr.status, 'open'))
      .params();
  },
};
