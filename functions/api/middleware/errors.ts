import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError, RateLimitedError, type ErrorDetail, type ErrorKind } from '../../../shared/platform/errors';
import { logger } from '../../../shared/platform/logger';

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_required: 428,
  business_rule: 422,
  rate_limited: 429,
  too_large: 413,
  unsupported_media_type: 415,
};

/** The error body of DESIGN.md (ErrorSchema): `details` carries what a client needs beyond the code. */
export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: ErrorDetail[]) {
  return c.json({ error: { code, message, ...(details ? { details } : {}) } }, status);
}

/** zod-openapi's hook: a request that fails its schema gets 400 with the issues listed. */
export function validationHook(result: { success: boolean; error?: ZodError }, c: Context) {
  if (result.success || !result.error) return undefined;
  const details = result.error.issues.map((issue): ErrorDetail => ({ path: issue.path.join('.'), message: issue.message, code: issue.code }));
  return errorResponse(c, 400, 'validation_failed', 'The request is not valid.', details);
}

/** Every thrown error becomes one answer here; anything unexpected is a 500 without internals. */
export function onError(error: Error, c: Context) {
  if (error instanceof DomainError) {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
    return errorResponse(c, STATUS[error.kind], error.code, error.message, error.details);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 400) return errorResponse(c, 400, 'malformed_request', error.message || 'The request body is not valid JSON.');
    return errorResponse(c, status, 'http_error', error.message);
  }
  logger.error('request failed', { method: c.req.method, path: c.req.path, error });
  return errorResponse(c, 500, 'internal_error', 'Something went wrong on our side. Please try again.');
}

export function notFound(c: Context) {
  return errorResponse(c, 404, 'route_not_found', `No route for ${c.req.method} ${c.req.path}.`);
}
