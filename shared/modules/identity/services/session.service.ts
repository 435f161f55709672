import type { User } from '../schemas/auth.schema';
import type { Actor, Audience } from '../domain/identity';
import { ForbiddenError, UnauthenticatedError } from '../../../platform/errors';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { signInRepository } from '../db/sign-in.repository';
import { sessionRepository } from '../db/session.repository';
import type { UserRow } from '../db/user.entity';
import { userRepository } from '../db/user.repository';
import { decoyHash, verifyPassword } from '../../../platform/crypto/password';
import { hashSecret, newSecret } from '../../../platform/crypto/secret-token';
import { deviceOf, issueDeviceToken } from './device-token';
import { clear, ensureUnder, LIMITS, record } from './throttle';
import { toActor, toUserView } from './identity-views';

/** A session ends after 2 h without use, and after 24 h in any case. */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 24 * 60 * 60;

/**
 * How long a checked session is trusted without asking the table again. Sign-out on this
 * instance is immediate; revocation elsewhere (other Lambda instances) takes effect within this.
 */
const CACHE_SECONDS = 30;

export type Caller = { actor: Actor; user: User; sessionHash: string };
/** Who is signing in, as far as the server can tell: the network address and the device token the client sent, if any. */
export type SignInClient = { address: string; deviceToken?: string };
type CacheEntry = { caller: Caller; checkedAt: number };
const cache = new Map<string, CacheEntry>();

async function callerFor(row: UserRow, sessionHash: string): Promise<Caller> {
  const accountIds = row.audiences.includes('customer') ? await accountContactRepository.accountIdsOf(row.partyId) : [];
  return { actor: toActor(row, accountIds), user: toUserView(row, accountIds), sessionHash };
}

function cacheCaller(caller: Caller): void {
  if (cache.size > 10_000) cache.clear();
  cache.set(caller.sessionHash, { caller, checkedAt: Date.now() });
}

export const sessionService = {
  /**
   * Sign in. Unknown e-mail, wrong password and disabled login all answer the same, after
   * the same scrypt work. `audience` is the portal signed in to: a login must belong there.
   * A client holding a device token of this login is throttled on its own; every other client
   * shares the login's limit (and its address's), so guessing locks out strangers, never the
   * owner on a device that signed in before. Success hands out a fresh device token.
   */
  async login(email: string, password: string, client: SignInClient, audience?: Audience): Promise<{ caller: Caller; token: string; deviceToken: string }> {
    const row = await userRepository.findByEmail(email);
    const device = row && deviceOf(client.deviceToken, row.userId);
    const counters = device
      ? [{ subject: `login:device:${device}`, limit: LIMITS.loginFailuresPerDevice }]
      : [
          { subject: `login:email:${email}`, limit: LIMITS.loginFailuresPerEmail },
          { subject: `login:ip:${client.address}`, limit: LIMITS.loginFailuresPerIp },
        ];
    for (const { subject, limit } of counters) await ensureUnder(subject, limit);
    const valid = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
    if (!row || !valid || row.status === 'disabled') {
      await Promise.all(counters.map(({ subject, limit }) => record(subject, limit)));
      throw new UnauthenticatedError('E-mail or password is wrong.', 'invalid_credentials');
    }
    if (row.status === 'pending') throw new ForbiddenError('Confirm your e-mail address first: we sent you a link.', 'email_not_verified');
    if (audience && !row.audiences.includes(audience)) {
      throw new ForbiddenError('This login cannot use this portal.', 'wrong_portal');
    }
    // The owner signing in on a known device leaves the strangers' count standing.
    if (!device) await clear(`login:email:${email}`);
    const token = newSecret();
    const sessionHash = hashSecret(token);
    await Promise.all([sessionRepository.create(sessionHash, row.userId, SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS), signInRepository.record(row.userId, audience)]);
    const caller = await callerFor(row, sessionHash);
    cacheCaller(caller);
    return { caller, token, deviceToken: issueDeviceToken(row.userId) };
  },

  /** The caller behind a session token, or undefined when it is unknown, expired or revoked. */
  async resolve(token: string): Promise<Caller | undefined> {
    const sessionHash = hashSecret(token);
    const hit = cache.get(sessionHash);
    if (hit && Date.now() - hit.checkedAt < CACHE_SECONDS * 1000) return hit.caller;
    cache.delete(sessionHash);
    const session = await sessionRepository.touch(sessionHash, SESSION_IDLE_SECONDS);
    if (!session) return undefined;
    const row = await userRepository.get(session.userId);
    if (!row || row.status !== 'active') return undefined;
    const caller = await callerFor(row, sessionHash);
    cacheCaller(caller);
    return caller;
  },

  /** What an active user may do now, for work done on their behalf later (an export); undefined once disabled or gone. */
  async actorOf(userId: string): Promise<Actor | undefined> {
    const row = await userRepository.get(userId);
    if (!row || row.status !== 'active') return undefined;
    return (await callerFor(row, '')).actor;
  },

  async logout(sessionHash: string): Promise<void> {
    cache.delete(sessionHash);
    await sessionRepository.delete(sessionHash);
  },

  /** End every session of a user (disabled, new password); other instances follow within 30 s. */
  async revokeAll(userId: string): Promise<void> {
    const hashes = await sessionRepository.deleteAllForUser(userId);
    for (const hash of hashes) cache.delete(hash);
  },

  /** Drop cached callers of a user so a change (roles, links) shows on the next request here. */
  forget(userId: string): void {
    for (const [hash, entry] of cache) if (entry.caller.actor.userId === userId) cache.delete(hash);
  },
};
