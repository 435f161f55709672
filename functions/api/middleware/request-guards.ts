import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { IMPORT_LIMITS } from '../../../shared/modules/sales/domain/lead-import';
import { errorResponse } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

/** A lead import's body: the CSV file inside the JSON (see IMPORT_LIMITS). */
export const MAX_IMPORT_BODY_BYTES = IMPORT_LIMITS.maxBytes;

/**
 * How much of a refused body is read and dropped before the 413. A client still sending when
 * the answer comes reads a connection error instead (browsers and undici do), so bodies up to
 * this size are taken in whole; a larger one, or one already half read, is left to the server,
 * which closes the connection after the 413 (infra/local/http-server.ts).
 */
const MAX_DRAIN_BYTES = 8 * 1024 * 1024;

async function drain(request: Request): Promise<void> {
  const body = request.body;
  if (!body || body.locked || Number(request.headers.get('content-length')) > MAX_DRAIN_BYTES) return;
  const reader = body.getReader();
  let read = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      read += chunk.value.byteLength;
      if (read > MAX_DRAIN_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nobody is left to read the answer.
  }
}

const tooLarge = (limit: string, maxBytes: number) => async (c: Context) => {
  await drain(c.req.raw);
  return errorResponse(c, 413, 'payload_too_large', `The request body is larger than ${limit}.`, [{ maxBytes }]);
};

const limitDefault = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge('1 MB', MAX_BODY_BYTES) });

const limitImport = bodyLimit({ maxSize: MAX_IMPORT_BODY_BYTES, onError: tooLarge('5 MB', MAX_IMPORT_BODY_BYTES) });

/**
 * Bodies over 1 MB are refused before they are read, with ONE exception: `POST
 * /api/v1/lead-imports` carries a whole CSV file (10,000 rows) and may send 5 MB. The
 * exception is by exact method and path, so no other route (not even the import preview, which
 * gets only the start of the file) takes more than 1 MB. 5 MB stays below the Lambda request
 * payload limit (6 MB) that the API Gateway event must fit in.
 */
export const limitBody: MiddlewareHandler = (c, next) =>
  c.req.method === 'POST' && c.req.path === '/api/v1/lead-imports' ? limitImport(c, next) : limitDefault(c, next);

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
