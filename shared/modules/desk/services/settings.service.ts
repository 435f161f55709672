import type { ServiceSettings, ServiceSettingsInput } from '../schemas/service-settings.schema';
import type { Actor } from '../../identity/domain/identity';
import { ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, VersionConflictError } from '../../../platform/errors';
import { nowIso } from '../../../platform/clock';
import { isCancelled, transact } from '../../../platform/db/transaction';
import { serviceSettingsRepository } from '../db/service-settings.repository';
import { userRepository } from '../../identity/db/user.repository';
import { toServiceSettings } from './desk-views';

/** Service desk settings: teams and assignment, canned replies, escalation rules, service managers. */
export const serviceSettingsService = {
  /** The stored settings, or the defaults (no teams, the default escalation rule) until an admin saves some. */
  async current(): Promise<ServiceSettings> {
    return toServiceSettings(await serviceSettingsRepository.get());
  },

  /** The settings for staff (the portal's settings screen, canned replies for the reply box). */
  async read(actor: Actor): Promise<ServiceSettings> {
    enforce(ticketPolicy.readSettings(actor), 'Service settings');
    return this.current();
  },

  /** Replace the settings (admin); with `expectedVersion` only if nobody saved in between. Team members must be staff. */
  async replace(actor: Actor, input: ServiceSettingsInput, expectedVersion?: number): Promise<ServiceSettings> {
    enforce(ticketPolicy.manageSettings(actor), 'Service settings');
    return this.store(input, expectedVersion);
  },

  /** Validate and save the settings (also the demo seed's way in). */
  async store(input: ServiceSettingsInput, expectedVersion?: number): Promise<ServiceSettings> {
    const members = [...new Set(input.teams.flatMap((team) => team.memberIds))];
    const users = await Promise.all(members.map((id) => userRepository.get(id)));
    const unknown = members.filter((_, i) => !users[i] || !users[i]!.audiences.includes('staff'));
    if (unknown.length > 0) throw new BusinessRuleError('unknown_team_member', `Not staff members: ${unknown.join(', ')}.`);
    const current = await serviceSettingsRepository.get();
    const version = expectedVersion ?? current?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== (current?.version ?? 0)) throw new VersionConflictError(current?.version ?? 0);
    try {
      await transact([serviceSettingsRepository.putOperation(JSON.stringify(input), version, nowIso())]);
    } catch (error) {
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return this.current();
  },
};
