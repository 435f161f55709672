import type { z } from '@hono/zod-openapi';
import type { ProfilePatchSchema, User } from '../schemas/auth.schema';
import { userRepository } from '../db/user.repository';
import { NotFoundError } from '../../../platform/errors';
import { sessionService, type Caller } from './session.service';
import { toUserView } from './identity-views';

export const profileService = {
  /** Change one's own name or language. Last write wins: a person editing their own profile races no one. */
  async update(caller: Caller, patch: z.infer<typeof ProfilePatchSchema>): Promise<User> {
    const current = await userRepository.get(caller.actor.userId);
    if (!current) throw new NotFoundError('User');
    const row = await userRepository.update(current.userId, current.version, patch);
    sessionService.forget(row.userId);
    return toUserView(row, caller.actor.accountIds);
  },
};
