import type { MiddlewareHandler } from 'hono';
import { config } from '../../../shared/platform/config';
import type { Audience } from '../../../shared/modules/identity/domain/identity';
import type { AppEnv } from '../env';
import { errorResponse } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that came through a portal (its proxy names it, and the name picks the session
 * cookie) may come only from that portal's own origin: a page on another portal must not write
 * with this portal's cookie. Others (straight to the API) from any of our origins.
 */
function allowedOrigins(portal: Audience | undefined): Set<string> {
  const { portalUrls, extraOrigins } = config();
  const urls = portal ? [portalUrls[portal]] : [...Object.values(portalUrls), ...extraOrigins];
  return new Set(urls.map((url) => new URL(url).origin));
}

/**
 * Cookie-authenticated writes, and sign-in itself, must come from our own origin (above).
 * Bearer-token clients are not exposed to CSRF (a browser never adds the header by itself).
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method) || c.get('authMethod') === 'bearer') return next();
  const origin = c.req.header('origin');
  const cookieWrite = c.get('authMethod') === 'cookie';
  if (origin ? !allowedOrigins(c.get('portal')).has(origin) : cookieWrite) {
    return errorResponse(c, 403, 'csrf_origin_mismatch', 'This request did not come from a Relasi portal.');
  }
  return next();
};
