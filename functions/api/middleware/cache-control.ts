import type { MiddlewareHandler } from 'hono';

/**
 * API answers carry personal data and session tokens, so no browser or proxy cache may keep
 * them: every answer is `no-store` unless its route set a Cache-Control of its own (an answer
 * that is public and the same for everyone may opt into caching that way).
 */
export const noStoreByDefault: MiddlewareHandler = async (c, next) => {
  await next();
  // On the answer's own headers: `c.header()` after the answer is made copies the whole Response.
  if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
};
