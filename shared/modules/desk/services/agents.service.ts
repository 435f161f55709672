import type { AgentName } from '../schemas/ticket.schema';
import type { Actor } from '../../identity/domain/identity';
import { enforce } from '../../../platform/access';
import { ticketPolicy } from '../policy';
import { userRepository } from '../../identity/db/user.repository';
import { toAgentName } from './desk-views';

/** The service desk's directory: who the staff behind ids are, for every staff member (not only admins). */
export const serviceAgentService = {
  /** Names of the staff logins among `ids` (other ids are left out, as unknown ones are), disabled ones marked. */
  async names(actor: Actor, ids: string[]): Promise<AgentName[]> {
    enforce(ticketPolicy.readAgentNames(actor), 'Agents');
    const users = await userRepository.getMany(ids);
    return users.filter((user) => user.audiences.includes('staff')).map(toAgentName);
  },
};
