import type { z } from '@hono/zod-openapi';
import type { RegisterSchema } from '../schemas/auth.schema';
import type { TokenPurpose } from '../domain/identity';
import type { Locale } from '../../../platform/locale';
import type { IdentityMail } from '../domain/identity-mails';
import { config } from '../../../platform/config';
import { ValidationError } from '../../../platform/errors';
import type { TokenRow } from '../db/one-time-token.entity';
import type { PasswordResetRequestRow } from '../db/password-reset-request.entity';
import type { UserRow } from '../db/user.entity';
import { oneTimeTokenRepository } from '../db/one-time-token.repository';
import { outboxRepository } from '../../../platform/mail/outbox.repository';
import { newPartyRecord, partyRepository } from '../db/party.repository';
import { passwordResetRequestRepository } from '../db/password-reset-request.repository';
import { newUserRecord, userRepository } from '../db/user.repository';
import { completeUnit, type Claim } from '../../../platform/work/work-unit';
import { op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { hashPassword } from '../../../platform/crypto/password';
import { hashSecret, newSecret } from '../../../platform/crypto/secret-token';
import { consume, LIMITS } from './throttle';
import { sessionService } from './session.service';

const DAY = 24 * 60 * 60;
const TOKEN_TTL: Record<TokenPurpose, number> = { verify_email: 2 * DAY, password_reset: 60 * 60, invite: 7 * DAY };
type Portal = keyof ReturnType<typeof config>['portalUrls'];

/** The link a mail carries: the portal page that takes the token. */
function link(portal: Portal, page: 'verify' | 'reset-password', token: string, invite = false): string {
  return `${config().portalUrls[portal]}/${page}/?token=${encodeURIComponent(token)}${invite ? '&invite=1' : ''}`;
}

/** The portal a login belongs to, for links in its mails (staff first). */
function homePortal(row: Pick<UserRow, 'audiences'>): Portal {
  return (['staff', 'customer', 'partner', 'investor'] as const).find((a) => row.audiences.includes(a)) ?? 'customer';
}

/** A token and the mail carrying it, as transaction operations, plus the token itself. */
export function tokenMail(row: Pick<UserRow, 'userId' | 'email' | 'name' | 'locale' | 'audiences'>, purpose: TokenPurpose, template: IdentityMail, portal = homePortal(row)) {
  const token = newSecret();
  const page = purpose === 'verify_email' ? 'verify' : 'reset-password';
  return [
    op.put(oneTimeTokenRepository.createOperation(hashSecret(token), purpose, row.userId, TOKEN_TTL[purpose])),
    op.put(outboxRepository.mailOperation(row.email, template, row.locale, { name: row.name, url: link(portal, page, token, purpose === 'invite') })),
  ];
}

async function redeem(token: string, purposes: TokenPurpose[]): Promise<TokenRow> {
  const row = await oneTimeTokenRepository.get(hashSecret(token));
  if (!row || !purposes.includes(row.purpose) || row.expiresAt * 1000 < Date.now()) {
    throw new ValidationError('This link is invalid or has expired.', undefined, 'invalid_token');
  }
  return row;
}

/** A token consumed twice at once: only one transaction wins, the other gets this. */
async function commitWithToken(row: TokenRow, operations: ReturnType<typeof op.put>[]): Promise<void> {
  try {
    await transact([op.delete(oneTimeTokenRepository.consumeOperation(row.tokenHash)), ...operations]);
  } catch (error) {
    if (error instanceof TransactionConflict) throw new ValidationError('This link is invalid or has expired.', undefined, 'invalid_token');
    throw error;
  }
}

export const registrationService = {
  /**
   * Self-service sign-up for customers, partners and investors. The answer never tells
   * whether the e-mail was known: an existing e-mail costs the same work and gets no new login.
   */
  async register(input: z.infer<typeof RegisterSchema>, address: string): Promise<void> {
    await consume(`register:ip:${address}`, LIMITS.requestsPerIp);
    const passwordHash = await hashPassword(input.password);
    if (await userRepository.emailTaken(input.email)) return;
    const [firstName, ...rest] = input.name.split(/\s+/);
    const lastName = rest.length > 0 ? rest.join(' ') : (firstName ?? input.name);
    const locale: Locale = input.locale ?? 'en';
    const party = newPartyRecord({
      firstName: rest.length > 0 ? firstName : undefined,
      lastName,
      email: input.email,
      isContact: input.audience === 'customer',
      locale,
    });
    const user = newUserRecord({
      partyId: party.partyId,
      email: input.email,
      name: input.name,
      passwordHash,
      status: 'pending',
      audiences: [input.audience],
      roles: [],
      company: input.company,
      locale,
    });
    try {
      await transact([
        op.put(partyRepository.createOperation({ ...party, userId: user.userId })),
        ...userRepository.createOperations(user).map(op.put),
        ...tokenMail(user, 'verify_email', 'verify_email', input.audience),
      ]);
    } catch (error) {
      // Someone registered the same e-mail a moment earlier: same answer as any known e-mail.
      if (!(error instanceof TransactionConflict)) throw error;
    }
  },

  /** Confirm an e-mail address with the token from the verification mail. */
  async verify(token: string): Promise<void> {
    const row = await redeem(token, ['verify_email']);
    await commitWithToken(row, [op.update(userRepository.setOperation(row.userId, { status: 'active' }))]);
  },

  /**
   * Ask for a reset link. Every address, with a login or not, is counted against the same limits
   * and costs the same work here (two counters and one queued request), so neither the answer,
   * its status sequence nor its timing tells whether the address has a login; background work
   * then mails the link if it does (sendPasswordReset).
   */
  async requestPasswordReset(email: string, address: string): Promise<void> {
    await consume(`reset:ip:${address}`, LIMITS.requestsPerIp);
    await consume(`reset:email:${email}`, LIMITS.mailsPerEmail);
    await passwordResetRequestRepository.create(email);
  },

  /**
   * A queued reset request, worked under `claim`: the link mailed if the address belongs to a
   * login that may sign in, else nothing; the request is done in the same transaction.
   */
  async sendPasswordReset(request: PasswordResetRequestRow, claim: Claim): Promise<void> {
    const user = await userRepository.findByEmail(request.email);
    const done = op.update(completeUnit(() => passwordResetRequestRepository.patch(request.requestId), claim, {}).params());
    try {
      await transact(user && user.status !== 'disabled' ? [done, ...tokenMail(user, 'password_reset', 'password_reset')] : [done]);
    } catch (error) {
      // The claim ran out and another worker holds the request now: that one mails the link, once.
      if (!(error instanceof TransactionConflict)) throw error;
    }
  },

  /** Set a new password from a reset or invitation link; ends every other session of the login. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const row = await redeem(token, ['password_reset', 'invite']);
    const user = await userRepository.get(row.userId);
    if (!user || user.status === 'disabled') throw new ValidationError('This link is invalid or has expired.', undefined, 'invalid_token');
    const passwordHash = await hashPassword(password);
    // Following a mailed link proves the address, so a pending login becomes active.
    await commitWithToken(row, [op.update(userRepository.setOperation(row.userId, { passwordHash, status: 'active' }))]);
    await sessionService.revokeAll(row.userId);
  },
};
