import { BusinessRuleError } from '../../../platform/errors';
import { userRepository } from '../db/user.repository';

/**
 * The owner given for an account, lead, opportunity or activity must be an active staff login,
 * as a ticket's assignee must: a customer's, partner's or investor's id, an invited colleague
 * who has yet to sign in, a disabled one or an id of nobody is a 422 `unknown_owner`. Nothing
 * to check when no owner is given, or null clears it.
 */
export async function checkOwner(ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const user = await userRepository.get(ownerId);
  if (!user || user.status !== 'active' || !user.audiences.includes('staff')) throw new BusinessRuleError('unknown_owner', 'The owner is not an active staff member.');
}
