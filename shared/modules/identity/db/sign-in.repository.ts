import { epochSeconds, nowIso } from '../../../platform/clock';
import type { Audience } from '../domain/identity';
import { SignInEntity, type SignInRow } from './sign-in.entity';

const KEEP_SECONDS = 90 * 86_400;
/** How far back "recent" looks: a quiet month still shows its last sign-ins. */
const LOOK_BACK_DAYS = 31;

export const signInRepository = {
  /** Note a successful sign-in. */
  async record(userId: string, audience?: Audience): Promise<void> {
    const at = nowIso();
    // put, not create: two sign-ins of one login in the same millisecond are one entry, never a failed sign-in.
    await SignInEntity().put({ day: at.slice(0, 10), at, userId, audience, expiresAt: epochSeconds() + KEEP_SECONDS }).go();
  },

  /** The latest sign-ins, newest first: today's partition, then the days before, until `limit`. */
  async recent(limit: number): Promise<SignInRow[]> {
    const found: SignInRow[] = [];
    const today = Date.parse(nowIso().slice(0, 10));
    for (let back = 0; back < LOOK_BACK_DAYS && found.length < limit; back++) {
      const day = new Date(today - back * 86_400_000).toISOString().slice(0, 10);
      const { data } = await SignInEntity().query.byDay({ day }).go({ order: 'desc', limit: limit - found.length });
      found.push(...data);
    }
    return found;
  },
};
