import type { Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { logger, withCorrelation } from '../shared/platform/logger';

/**
 * Runs one invocation of a background function with its Lambda fields (cold start, function
 * name, `function_request_id`) and its request id on every log line. Locally the stream pump,
 * the scheduler and the tests call the handlers without a context: a fresh id still groups the
 * lines of one run.
 */
export function withInvocationLog<T>(context: Context | undefined, work: () => Promise<T>): Promise<T> {
  if (context) logger.addContext(context);
  return withCorrelation({ requestId: context?.awsRequestId ?? randomUUID() }, work);
}
