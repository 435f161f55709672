import { RateLimitedError } from '../../../platform/errors';
import { rateCounterRepository } from '../../../platform/db/rate-counter.repository';

const FIFTEEN_MINUTES = 15 * 60;

/** Limits per subject kind; the per-IP ones are loose so an office behind one address is not locked out. */
export const LIMITS = {
  /** Failed sign-ins to one login from clients without its device token: strangers, and the owner on a new device. */
  loginFailuresPerEmail: { max: 10, windowSeconds: FIFTEEN_MINUTES },
  /** Failed sign-ins from one client holding a device token of the login; past it, that client alone waits. */
  loginFailuresPerDevice: { max: 10, windowSeconds: FIFTEEN_MINUTES },
  loginFailuresPerIp: { max: 100, windowSeconds: FIFTEEN_MINUTES },
  /** Reset mails asked for one address, counted whether or not the address has a login. */
  mailsPerEmail: { max: 5, windowSeconds: 60 * 60 },
  requestsPerIp: { max: 30, windowSeconds: FIFTEEN_MINUTES },
  /** The public "contact sales" form: a person sends one or two, a bot many. */
  contactSalesPerIp: { max: 5, windowSeconds: 60 * 60 },
  /** Knowledge base votes without a visitor cookie, each a new visitor: a reader votes on a few articles, a script on many. */
  kbVisitorsPerIp: { max: 30, windowSeconds: 60 * 60 },
} as const;

type Limit = (typeof LIMITS)[keyof typeof LIMITS];

/** Refuse with 429 when the subject has used up its limit. */
export async function ensureUnder(subject: string, limit: Limit): Promise<void> {
  if ((await rateCounterRepository.recent(subject, limit.windowSeconds)) >= limit.max) {
    throw new RateLimitedError('Too many attempts. Wait a few minutes and try again.', limit.windowSeconds);
  }
}

/** Check the limit, then count this attempt. */
export async function consume(subject: string, limit: Limit): Promise<void> {
  await ensureUnder(subject, limit);
  await rateCounterRepository.hit(subject, limit.windowSeconds);
}

export function record(subject: string, limit: Limit): Promise<void> {
  return rateCounterRepository.hit(subject, limit.windowSeconds);
}

export function clear(subject: string): Promise<void> {
  return rateCounterRepository.clear(subject);
}
