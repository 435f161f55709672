import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { idempotencyRepository } from '../../../shared/db/repositories/idempotency.repository';
import type { AppEnv } from '../env';
import { errorResponse } from './errors';

/**
 * POST with an Idempotency-Key: the first request claims the key (a conditional write, so
 * two concurrent retries cannot both run); later ones with the same body get the stored
 * answer, with another body a 409. A server failure releases the key so a retry can run.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || !key) return next();
  if (key.length > 200) return errorResponse(c, 400, 'validation_failed', 'Idempotency-Key is too long.');
  const scope = `${c.get('caller')?.actor.userId ?? 'anonymous'}:${c.req.path}`;
  const requestHash = createHash('sha256').update(await c.req.raw.clone().text()).digest('base64url');

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
