import type { MiddlewareHandler } from 'hono';
import { config } from '../../../shared/platform/config';
import { sign } from '../../../shared/platform/crypto/secret-token';
import { idempotencyRepository } from '../../../shared/platform/db/idempotency.repository';
import type { AppEnv } from '../env';
import { errorResponse } from './errors';

/**
 * POST with an Idempotency-Key: the first request claims the key (a conditional write, so
 * two concurrent retries cannot both run); later ones with the same body get the stored
 * answer, with another body a 409. A server failure releases the key so a retry can run.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const caller = c.get('caller');
  // Only signed-in callers' writes are replayed: auth answers carry secrets (a session token)
  // that must never be stored in clear or handed out twice, and anonymous callers share no scope.
  if (c.req.method !== 'POST' || !key || !caller || c.req.path.startsWith('/api/v1/auth/')) return next();
  if (key.length > 200) return errorResponse(c, 400, 'validation_failed', 'Idempotency-Key is too long.');
  const scope = `${caller.actor.userId}:${c.req.path}`;
  // Keyed hash: a stored fingerprint of a body that holds a password cannot be cracked offline.
  const requestHash = sign(config().signingSecret, await c.req.raw.clone().text());

  if (!(await idempotencyRepository.claim(scope, key, requestHash))) {
    const existing = await idempotencyRepository.get(scope, key);
    if (!existing || existing.requestHash !== requestHash) {
      return errorResponse(c, 409, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
    }
    if (existing.state === 'pending' || existing.status === undefined) {
      return errorResponse(c, 409, 'idempotency_in_progress', 'The first request with this Idempotency-Key is still running.');
    }
    return new Response(existing.status === 204 ? null : (existing.body ?? ''), {
      status: existing.status,
      headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
    });
  }

  await next();
  if (c.res.status >= 500) {
    await idempotencyRepository.release(scope, key);
    return;
  }
  await idempotencyRepository.complete(scope, key, c.res.status, await c.res.clone().text());
};
