import { Logger } from '@aws-lambda-powertools/logger';

/** The one logger: JSON lines on stdout (CloudWatch in AWS). */
export const logger = new Logger({ serviceName: 'relasi' });
