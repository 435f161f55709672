import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions, LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';
import { logLevel } from './config';

/** What ties a log line to the request (or invocation) it was written for. */
export type Correlation = { requestId: string; userId?: string };

// Powertools' appended keys are one set for the whole process (per invocation only under Lambda's
// concurrent invocations); locally one Node process serves requests side by side, so each
// request's keys live in its own async context instead.
const correlations = new AsyncLocalStorage<Correlation>();

/** Powertools' logger with the current request's correlation keys on every line. */
class CorrelatedLogger extends Logger {
  protected override createAndPopulateLogItem(level: number, input: LogItemMessage, extraInput: LogItemExtraInput) {
    const correlation = correlations.getStore();
    if (!correlation) return super.createAndPopulateLogItem(level, input, extraInput);
    // Ahead of the caller's fields: they come first in the line, and a field passed explicitly wins.
    const correlated = typeof input === 'string' ? { message: input, ...correlation } : { ...correlation, ...input };
    return super.createAndPopulateLogItem(level, correlated, extraInput);
  }

  protected override createLogger(options?: ConstructorOptions): Logger {
    return new CorrelatedLogger(options);
  }
}

/** The one logger: JSON lines on stdout, warnings and errors on stderr (CloudWatch in AWS), level from LOG_LEVEL, with `requestId` and `userId` while a request runs. */
export const logger: Logger = new CorrelatedLogger({ serviceName: 'relasi', logLevel: logLevel() });

/** Runs `work` with its own correlation keys: every line logged inside it, however deep and after however many awaits, carries them. */
export function withCorrelation<T>(correlation: Correlation, work: () => T): T {
  return correlations.run({ ...correlation }, work);
}

/** Adds keys to the running request's correlation (the caller, once the session is known); outside a request it does nothing. */
export function appendCorrelation(keys: Partial<Correlation>): void {
  const correlation = correlations.getStore();
  if (correlation) Object.assign(correlation, keys);
}
