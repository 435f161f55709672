import { epochSeconds, nowIso } from '../../../platform/clock';
import { op, transact } from '../../../platform/db/transaction';
import { SessionEntity, type SessionRow } from './session.entity';

export const sessionRepository = {
  async create(sessionHash: string, userId: string, idleSeconds: number, absoluteSeconds: number): Promise<void> {
    const now = epochSeconds();
    await SessionEntity().create({ sessionHash, userId, createdAt: nowIso(), absoluteExpiresAt: now + absoluteSeconds, expiresAt: now + idleSeconds })
      .go();
  },

  /**
   * Read a live session and push its idle expiry forward, in one round trip.
   * Undefined when it does not exist or has expired (TTL deletion is lazy).
   */
  async touch(sessionHash: string, idleSeconds: number): Promise<SessionRow | undefined> {
    const now = epochSeconds();
    const result = await SessionEntity().patch({ sessionHash })
      .set({ expiresAt: now + idleSeconds })
      .where((attr, { gt }) => `${gt(attr.expiresAt, now)} AND ${gt(attr.absoluteExpiresAt, now)}`)
      .go({ response: 'all_new', returnOnConditionCheckFailure: true });
    return result.rejected ? undefined : result.data;
  },

  async delete(sessionHash: string): Promise<void> {
    await SessionEntity().delete({ sessionHash }).go();
  },

  /** End every session of a user (sign-out everywhere, disabled user, new password). */
  async deleteAllForUser(userId: string): Promise<string[]> {
    const { data } = await SessionEntity().query.byUser({ userId }).go({ pages: 'all' });
    for (let i = 0; i < data.length; i += 100) {
      await transact(data.slice(i, i + 100).map((row) => op.delete(SessionEntity().delete({ sessionHash: row.sessionHash }).params())));
    }
    return data.map((row) => row.sessionHash);
  },
};
