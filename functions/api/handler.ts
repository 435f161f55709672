import type { Context } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { logger } from '../../shared/platform/logger';
import { app } from './app';

const serve = handle(app);

/**
 * Lambda entry behind the HTTP API (payload format 2.0). Powertools adds the function's fields
 * (cold start, `function_request_id`) to every log line; the app adds API Gateway's request id
 * and the caller's user id (middleware/correlation.ts).
 */
export function handler(event: Parameters<typeof serve>[0], context: Context) {
  logger.addContext(context);
  return serve(event, context);
}
