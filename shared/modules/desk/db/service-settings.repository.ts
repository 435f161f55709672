import { nowIso } from '../../../platform/clock';
import { op } from '../../../platform/db/transaction';
import { ServiceSettingEntity, type ServiceSettingRow } from './service-setting.entity';

const SETTINGS = 'settings';
const rotation = (teamId: string) => `rotation#${teamId}`;

/** The service desk settings document and the teams' round-robin pointers. */
export const serviceSettingsRepository = {
  /** The stored settings (their JSON in `data`, validated by the service), if an admin ever saved some. */
  async get(): Promise<ServiceSettingRow | undefined> {
    const { data } = await ServiceSettingEntity().get({ name: SETTINGS }).go();
    return data ?? undefined;
  },

  /** Replace the settings only if they are still at `expectedVersion` (0: none stored yet), for a transaction. */
  putOperation(json: string, expectedVersion: number, updatedAt: string) {
    const item = { name: SETTINGS, data: json, version: expectedVersion + 1, updatedAt };
    if (expectedVersion === 0) return op.put(ServiceSettingEntity().create(item).params());
    return op.put(ServiceSettingEntity().put(item).where((attr, { eq }) => eq(attr.version, expectedVersion)).params());
  },

  /** The agent the team's last ticket went to. */
  async lastAssigned(teamId: string): Promise<string | undefined> {
    const { data } = await ServiceSettingEntity().get({ name: rotation(teamId) }).go();
    return data?.data;
  },

  /** Move the team's round-robin pointer to `agentId`, in the transaction that assigns the ticket. */
  rotationOperation(teamId: string, agentId: string) {
    return op.put(ServiceSettingEntity().put({ name: rotation(teamId), data: agentId, version: 1, updatedAt: nowIso() }).params());
  },
};
