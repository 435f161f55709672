import type { MiddlewareHandler } from 'hono';
import { config } from '../../../shared/config';
import type { AppEnv } from '../env';
import { errorResponse } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function allowedOrigins(): Set<string> {
  const { portalUrls, extraOrigins } = config();
  return new Set([...Object.values(portalUrls), ...extraOrigins].map((url) => new URL(url).origin));
}

/**
 * Cookie-authenticated writes, and sign-in itself, must come from one of our own origins.
 * Bearer-token clients are not exposed to CSRF (a browser never adds the header by itself).
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method) || c.get('authMethod') === 'bearer') return next();
  const origin = c.req.header('origin');
  const cookieWrite = c.get('authMethod') === 'cookie';
  if (origin ? !allowedOrigins().has(origin) : cookieWrite) {
    return errorResponse(c, 403, 'csrf_origin_mismatch', 'This request did not come from a Relasi portal.');
  }
  return next();
};
