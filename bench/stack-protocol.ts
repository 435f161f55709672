import type { StackPorts } from '../infra/local/stack';

/** The line `bench/stack-process.ts` prints on stdout once its stack serves requests. */
export const READY_MARKER = 'BENCH_STACK ';

export type StackInfo = {
  ports: StackPorts;
  tableName: string;
  region: string;
  /** DynamoDB Local as the app sees it. */
  dynamodbEndpoint: string;
};
