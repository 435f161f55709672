import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import { withCorrelation } from '../../../shared/platform/logger';
import type { AppEnv } from '../env';

/** The answer names the request its log lines carry, so a report of a failure can be found in the logs. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Every log line written while a request runs, down to the services, carries its id: API
 * Gateway's request id in AWS (the one in its access log and `apigw-requestid`), a fresh one
 * on Node and in `app.request()`. The session middleware adds the caller's user id.
 */
export const correlation: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = c.env?.requestContext?.requestId ?? randomUUID();
  await withCorrelation({ requestId }, next);
  // On the answer's own headers: `c.header()` after the answer is made copies the whole Response.
  c.res.headers.set(REQUEST_ID_HEADER, requestId);
};
