import type { LeadRules } from '../domain/lead-rules';
import { nowIso } from '../../../platform/clock';
import { LeadSettingEntity } from './lead-setting.entity';

async function readSetting(name: string): Promise<string | undefined> {
  const { data } = await LeadSettingEntity().get({ name }).go();
  return data?.data;
}

function writeSetting(name: string, data: string) {
  return LeadSettingEntity().put({ name, data, updatedAt: nowIso() }).go();
}

/** Lead rules, the round-robin pointer and reps' opt-outs. */
export const leadSettingsRepository = {
  /** The stored rules as JSON (the service validates and falls back to the defaults). */
  async getRules(): Promise<{ json: string; updatedAt: string } | undefined> {
    const { data } = await LeadSettingEntity().get({ name: 'rules' }).go();
    return data ? { json: data.data, updatedAt: data.updatedAt } : undefined;
  },

  async putRules(rules: LeadRules): Promise<string> {
    const updatedAt = nowIso();
    await LeadSettingEntity().put({ name: 'rules', data: JSON.stringify(rules), updatedAt }).go();
    return updatedAt;
  },

  lastAssignedRep(): Promise<string | undefined> {
    return readSetting('rotation');
  },

  async setLastAssignedRep(userId: string): Promise<void> {
    await writeSetting('rotation', userId);
  },

  /** Which of these reps opted out of new leads. */
  async optedOut(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const { data } = await LeadSettingEntity().get(userIds.map((id) => ({ name: `rep#${id}` }))).go();
    return new Set(data.filter((item) => item.data === 'true').map((item) => item.name.slice('rep#'.length)));
  },

  async setOptedOut(userId: string, optedOut: boolean): Promise<void> {
    await writeSetting(`rep#${userId}`, String(optedOut));
  },
};
