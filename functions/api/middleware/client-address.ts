import type { Context } from 'hono';
import { isIP } from 'node:net';
import { config } from '../../../shared/platform/config';
import { EDGE_SECRET_HEADER, VIEWER_ADDRESS_HEADER } from '../../../shared/platform/portal-edge';
import { sameSignature } from '../../../shared/platform/crypto/secret-token';
import type { AppEnv } from '../env';

/** The one bucket of callers no server vouches for (`app.request()` in tests): headers cannot move anyone out of it. */
export const UNKNOWN_CLIENT = 'unknown';

/** True when the edge secret shows the request came through one of our CloudFront distributions. */
function throughOurEdge(c: Context<AppEnv>): boolean {
  const secret = config().edgeSecret;
  const presented = c.req.header(EDGE_SECRET_HEADER);
  return Boolean(secret && presented && sameSignature(presented, secret));
}

/** `198.51.100.10:46532` or `2001:db8::1:46532` → the address without the port, if it is one. */
function withoutPort(viewer: string): string | undefined {
  const address = viewer.slice(0, viewer.lastIndexOf(':')).replace(/^\[(.*)\]$/, '$1');
  return isIP(address) ? address : undefined;
}

/**
 * The caller's network address, for rate limits: only what something other than the caller
 * vouches for. Through the portals' CloudFront, the viewer address CloudFront adds (believed only
 * with the edge secret: anyone may call API Gateway directly and send that header); straight to
 * API Gateway, the source of the connection it saw; locally, the socket's peer. Never
 * `X-Forwarded-For`, whose first entry the client writes.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const viewer = throughOurEdge(c) ? c.req.header(VIEWER_ADDRESS_HEADER) : undefined;
  return (
    (viewer && withoutPort(viewer)) ||
    c.env?.requestContext?.http?.sourceIp ||
    c.env?.incoming?.socket?.remoteAddress ||
    UNKNOWN_CLIENT
  );
}
