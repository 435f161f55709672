import type { SlaPolicy, SlaPolicyCreate, SlaPolicyPatch } from '../schemas/sla-policy.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { slaPolicyPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError } from '../../../platform/errors';
import { DEFAULT_SLA_POLICY } from '../domain/sla-policy';
import { newSlaPolicyRecord, slaPolicyRepository } from '../db/sla-policy.repository';
import { toSlaPolicy } from './desk-views';

type PageInput = { limit: number; cursor?: string };

const WHAT = 'SLA policy';

/** The id of the policy shipped with the product, so seeding it twice finds the first. */
export const DEFAULT_SLA_POLICY_ID = 'default';

export const slaPolicyService = {
  /** Every policy, lowest rank (the one that wins) first. */
  async list(actor: Actor, page: PageInput): Promise<Page<SlaPolicy>> {
    enforce(slaPolicyPolicy.read(actor), WHAT);
    return mapPage(await slaPolicyRepository.list({ ...page, callerId: actor.userId, list: 'sla-policies' }), toSlaPolicy);
  },

  async get(actor: Actor, policyId: string): Promise<SlaPolicy> {
    enforce(slaPolicyPolicy.read(actor), WHAT);
    const row = await slaPolicyRepository.get(policyId);
    if (!row) throw new NotFoundError(WHAT);
    return toSlaPolicy(row);
  },

  /** A new policy; tickets opened from now on may pick it, running tickets keep theirs. */
  async create(actor: Actor, input: SlaPolicyCreate): Promise<SlaPolicy> {
    enforce(slaPolicyPolicy.write(actor), WHAT);
    const row = newSlaPolicyRecord(input);
    await slaPolicyRepository.create(row);
    return toSlaPolicy(row);
  },

  async update(actor: Actor, policyId: string, version: number, patch: SlaPolicyPatch): Promise<SlaPolicy> {
    enforce(slaPolicyPolicy.write(actor), WHAT);
    const { version: _bodyVersion, ...changes } = patch;
    return toSlaPolicy(await slaPolicyRepository.update(policyId, version, changes));
  },
};

/** Store DEFAULT_SLA_POLICY under its fixed id unless it is there already (safe to call on every start). */
export async function seedDefaultSlaPolicy(): Promise<{ seeded: boolean }> {
  const { calendar, ...rules } = DEFAULT_SLA_POLICY;
  const input: SlaPolicyCreate = { ...rules, timeZone: calendar.timeZone, businessHours: calendar.hours, holidays: [...calendar.holidays] };
  return { seeded: await slaPolicyRepository.createIfAbsent(newSlaPolicyRecord(input, DEFAULT_SLA_POLICY_ID)) };
}
