import type { SlaPolicy, SlaPolicyCreate } from '../schemas/sla-policy.schema';
import type { Page } from '../../../platform/page';
import type { SlaPolicyRules } from '../domain/sla-policy';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion, type Changes } from '../../../platform/db/versioned-update';
import { SlaPolicyEntity } from './sla-policy.entity';

export type SlaPolicyRow = Omit<SlaPolicy, 'id'> & { policyId: string };

export function toSlaPolicy({ policyId, ...rest }: SlaPolicyRow): SlaPolicy {
  return { ...rest, id: policyId };
}

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
export function newSlaPolicyRecord(input: SlaPolicyCreate, policyId = newId()): SlaPolicyRow {
  const at = nowIso();
  return { ...input, policyId, version: 1, createdAt: at, updatedAt: at };
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
    return (data as SlaPolicyRow | null) ?? undefined;
  },

  /** One policy as the SLA clock reads it (a ticket keeps the id of the policy it started with). */
  async getRules(policyId: string): Promise<SlaPolicyRules | undefined> {
    const row = await slaPolicyRepository.get(policyId);
    return row ? toSlaPolicyRules(row) : undefined;
  },

  /** Every policy, lowest rank first. */
  list(request: PageRequest): Promise<Page<SlaPolicy>> {
    return queryPage(request, (options) => entity().query.byRank({}).go(options), (row) => toSlaPolicy(row as SlaPolicyRow));
  },

  /** The active policies, lowest rank first, for a new ticket to pick from: one Query. */
  async listActive(): Promise<SlaPolicyRules[]> {
    const { data } = await entity()
      .query.byRank({})
      .where((attr, { eq }) => eq(attr.active, true))
      .go({ pages: 'all' });
    return data.map((row) => toSlaPolicyRules(row as SlaPolicyRow));
  },

  update(policyId: string, expectedVersion: number, changes: Changes): Promise<SlaPolicyRow> {
    return patchIfVersion<SlaPolicyRow>(() => entity().patch({ policyId }) as never, 'SLA policy', expectedVersion, changes);
  },
};
