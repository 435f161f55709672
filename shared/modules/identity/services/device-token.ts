import { config } from '../../../platform/config';
import { epochSeconds } from '../../../platform/clock';
import { newSecret, openToken, sealToken } from '../../../platform/crypto/secret-token';

/** How long a client stays known to a login after its last successful sign-in there. */
export const DEVICE_TOKEN_SECONDS = 180 * 24 * 60 * 60;

type DevicePayload = { u: string; e: number; n: string };

const SCOPE = 'device';

/**
 * OWASP's device cookie ("Slow Down Online Guessing Attacks with Device Cookies"): proof that
 * this client signed in to this login before. It holds the user id, an expiry and a random
 * nonce, signed with the server secret; sign-in attempts carrying one are throttled per device,
 * so a stranger guessing the password cannot lock the owner out.
 */
export function issueDeviceToken(userId: string): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, e: epochSeconds() + DEVICE_TOKEN_SECONDS, n: newSecret() } satisfies DevicePayload)).toString('base64url');
  return sealToken(config().signingSecret, payload, SCOPE);
}

/**
 * The device's nonce when the token is ours, untampered, unexpired and issued to this login;
 * otherwise undefined, which counts as a client without one.
 */
export function deviceOf(token: string | undefined, userId: string): string | undefined {
  const payload = openToken(config().signingSecret, token, SCOPE);
  if (!payload) return undefined;
  const { u, e, n } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as DevicePayload;
  return u === userId && e > epochSeconds() ? n : undefined;
}
