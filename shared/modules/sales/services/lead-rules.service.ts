import type { Actor } from '../../identity/domain/identity';
import { LeadRulesSchema, type LeadRep, type LeadRules } from '../schemas/lead.schema';
import { enforce } from '../../../platform/access';
import { NotFoundError } from '../../../platform/errors';
import { leadPolicy } from '../policy';
import { chooseRep, eligibleReps } from '../domain/lead-assignment';
import { DEFAULT_LEAD_RULES } from '../domain/lead-rules';
import { leadRepository, type LeadFields } from '../db/lead.repository';
import { leadSettingsRepository } from '../db/lead-setting.repository';
import { userRepository } from '../../identity/db/user.repository';

/** The stored rules, or the defaults when none were saved (or the stored ones no longer parse). */
export async function currentRules(): Promise<{ rules: LeadRules; updatedAt?: string }> {
  const stored = await leadSettingsRepository.getRules();
  if (!stored) return { rules: DEFAULT_LEAD_RULES };
  const parsed = LeadRulesSchema.safeParse(JSON.parse(stored.json));
  return parsed.success ? { rules: parsed.data, updatedAt: stored.updatedAt } : { rules: DEFAULT_LEAD_RULES };
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

/** An assigner that picks under `rules` (see LeadAssigner). */
export function leadAssigner(rules: LeadRules): LeadAssigner {
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

/** The scoring and assignment rules, and the reps' place in assignment. */
export const leadRulesService = {
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
};
