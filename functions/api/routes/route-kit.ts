import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorSchema } from '../../../shared/platform/schemas/common.schema';
import { PreconditionRequiredError, ValidationError } from '../../../shared/platform/errors';
import type { AppEnv } from '../env';
import { validationHook } from '../middleware/errors';

const errors = (codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } }]));

/** A route with the error answers every route can give listed for the OpenAPI document. */
export function defineRoute<R extends RouteConfig>(config: R) {
  return createRoute({ ...config, responses: { ...errors([400, 401, 403, 404, 409, 413, 415, 422, 428, 429]), ...config.responses } });
}

/** A router whose validation failures answer 400 in the house format. */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export const json = <T extends z.ZodTypeAny>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The version a write is conditional on: `If-Match` (ETag-style quotes allowed) or `version` in the body. */
export function expectedVersion(c: Context, bodyVersion?: number, lowest = 1): number {
  const header = c.req.header('if-match');
  if (header !== undefined) {
    const version = Number(header.replace(/^W\//, '').replaceAll('"', ''));
    if (!Number.isInteger(version) || version < lowest) throw new ValidationError('If-Match must be a record version.', undefined, 'invalid_if_match');
    return version;
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new PreconditionRequiredError();
}
