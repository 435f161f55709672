import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import type { Page } from '../../../platform/page';
import { OpportunityEntity, type OpportunityRow } from './opportunity.entity';

/** What a new opportunity is made of: its fields, the expected revenue as money, and the stage it starts in. */
export type NewOpportunity = Pick<OpportunityRow, 'name' | 'accountId' | 'stage' | 'probability' | 'probabilityManual'> &
  Partial<Pick<OpportunityRow, 'contactId' | 'leadId' | 'expectedCloseDate' | 'priority' | 'ownerId' | 'partnerId'>> & { expectedRevenue: { amount: number; currency: string } };

/** Sort key of a card in its column: priority 3 first, then the oldest. */
export function boardRank(priority: number, createdAt: string): string {
  return `${3 - priority}#${createdAt}`;
}

/** A new open opportunity record (not yet stored), e.g. for a lead conversion's transaction. */
export function newOpportunityRecord(input: NewOpportunity): OpportunityRow {
  const at = nowIso();
  const { expectedRevenue, ...rest } = input;
  const priority = input.priority ?? 0;
  return { ...rest, opportunityId: newId(), amount: expectedRevenue.amount, currency: expectedRevenue.currency, priority, boardRank: boardRank(priority, at), status: 'open', version: 1, createdAt: at, updatedAt: at };
}

export const opportunityRepository = {
  /** The bare put of a new record. To keep the board totals, history and timeline, use `opportunityCreateOperations(row, actorId)` from the opportunity service. */
  createOperation(row: OpportunityRow) {
    return OpportunityEntity().create(row).params();
  },

  async get(opportunityId: string): Promise<OpportunityRow | undefined> {
    const { data } = await OpportunityEntity().get({ opportunityId }).go();
    return data ?? undefined;
  },

  /** Store `next` in place of the record, only if it is still at `expectedVersion` (a whole put keeps every index key right). */
  replaceOperation(next: OpportunityRow, expectedVersion: number) {
    return op.put(OpportunityEntity().put(next).where((attr, { eq }) => eq(attr.version, expectedVersion)).params());
  },

  /** Open opportunities in a stage, in board order (one kanban column). */
  openByStage(stage: string, request: PageRequest): Promise<Page<OpportunityRow>> {
    return queryPage(request, (options) => OpportunityEntity().query.openByStage({ stage }).go(options), (row) => row);
  },

  /** A rep's open opportunities in board order, optionally of one stage. */
  openByOwner(ownerId: string, request: PageRequest, stage?: string): Promise<Page<OpportunityRow>> {
    const query = OpportunityEntity().query.openByOwner({ ownerId });
    const filtered = stage ? query.where((attr, { eq }) => eq(attr.stage, stage)) : query;
    return queryPage(request, (options) => filtered.go(options), (row) => row);
  },

  /** Every open opportunity in a stage (everyone's forecast); bounded by the open pipeline. */
  async allOpenOfStage(stage: string): Promise<OpportunityRow[]> {
    const { data } = await OpportunityEntity().query.openByStage({ stage }).go({ pages: 'all' });
    return data;
  },

  /** Every open opportunity of a rep (the forecast); bounded by one rep's workload. */
  async allOpenOfOwner(ownerId: string): Promise<OpportunityRow[]> {
    const { data } = await OpportunityEntity().query.openByOwner({ ownerId }).go({ pages: 'all' });
    return data;
  },

  /** An account's opportunities (every status), oldest first, optionally narrowed by stage and owner. */
  byAccount(accountId: string, request: PageRequest, filter: { stage?: string; ownerId?: string } = {}): Promise<Page<OpportunityRow>> {
    const query = OpportunityEntity().query.byAccount({ accountId });
    const filtered =
      filter.stage || filter.ownerId
        ? query.where((attr, { eq }) => [filter.stage ? eq(attr.stage, filter.stage) : '', filter.ownerId ? eq(attr.ownerId, filter.ownerId) : ''].filter(Boolean).join(' AND '))
        : query;
    return queryPage(request, (options) => filtered.go(options), (row) => row);
  },
};
