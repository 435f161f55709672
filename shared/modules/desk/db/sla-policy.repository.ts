import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion, type Changes } from '../../../platform/db/versioned-update';
import type { SlaPolicyRules } from '../domain/sla-policy';
import { SlaPolicyEntity, type SlaPolicyRow } from './sla-policy.entity';

/** What a new policy says: everything but its id and bookkeeping. */
export type SlaPolicyContent = Omit<SlaPolicyRow, 'policyId' | 'version' | 'createdAt' | 'updatedAt'>;

/** The policy as the SLA clock reads it. */
export function toSlaPolicyRules(row: SlaPolicyRow): SlaPolicyRules {
  return {
    id: row.policyId,
    name: row.name,
    calendar: { timeZone: row.timeZone, hours: row.businessHours, holidays: row.holidays },
    targets: row.targets,
    pauseStatuses: row.pauseStatuses,
    appliesTo: row.appliesTo,
    rank: row.rank,
    active: row.active,
  };
}

/** A new policy record (not yet stored); `policyId` is given only for the shipped default. */
export function newSlaPolicyRecord(content: SlaPolicyContent, policyId = newId()): SlaPolicyRow {
  const at = nowIso();
  return { ...content, policyId, version: 1, createdAt: at, updatedAt: at };
}

const entity = () => SlaPolicyEntity();

export const slaPolicyRepository = {
  async create(row: SlaPolicyRow): Promise<void> {
    await entity().create(row).go();
  },

  /** Store the record unless one with its id exists; false when it did. */
  async createIfAbsent(row: SlaPolicyRow): Promise<boolean> {
    try {
      await transact([op.put(entity().create(row).params())]);
      return true;
    } catch (error) {
      if (error instanceof TransactionConflict) return false;
      throw error;
    }
  },

  async get(policyId: string): Promise<SlaPolicyRow | undefined> {
    const { data } = await entity().get({ policyId }).go();
    return data ?? undefined;
  },

  /** One policy as the SLA clock reads it (a ticket keeps the id of the policy it started with). */
  async getRules(policyId: string): Promise<SlaPolicyRules | undefined> {
    const row = await slaPolicyRepository.get(policyId);
    return row ? toSlaPolicyRules(row) : undefined;
  },

  /** Every policy, lowest rank first. */
  list(request: PageRequest): Promise<Page<SlaPolicyRow>> {
    return queryPage(request, (options) => entity().query.byRank({}).go(options), (row) => row);
  },

  /** The active policies, lowest rank first, for a new ticket to pick from: one Query. */
  async listActive(): Promise<SlaPolicyRules[]> {
    const { data } = await entity()
      .query.byRank({})
      .where((attr, { eq }) => eq(attr.active, true))
      .go({ pages: 'all' });
    return data.map(toSlaPolicyRules);
  },

  update(policyId: string, expectedVersion: number, changes: Changes): Promise<SlaPolicyRow> {
    return patchIfVersion(() => entity().patch({ policyId }), 'SLA policy', expectedVersion, changes);
  },
};
