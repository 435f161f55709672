import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Bodies over 1 MB are refused before they are read. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => errorResponse(c, 413, 'payload_too_large', 'The request body is larger than 1 MB.'),
});

/** Writes with a body must send JSON. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && hasBody(c.req.raw)) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
      return errorResponse(c, 415, 'unsupported_media_type', 'Send the body as application/json.');
    }
  }
  return next();
};

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.body !== null;
}
