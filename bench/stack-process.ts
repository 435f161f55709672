// The server side of the bench, in its own process so the measuring client never shares an
// event loop with the API. Starts the local stack on free ports (in-memory DynamoDB Local,
// demo seed), prints one `BENCH_STACK {json}` line on stdout, and stops the stack (Java
// included) when stdin closes or on SIGTERM/SIGINT.
import { startStack } from '../infra/local/stack';
import { READY_MARKER, type StackInfo } from './stack-protocol';

async function main(): Promise<void> {
  const stack = await startStack({ inMemory: true, seed: true, buildPortals: false, log: (line) => process.stderr.write(`[stack] ${line}\n`) });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stack.stop().finally(() => process.exit(0));
    return stopping;
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();

  const info: StackInfo = {
    ports: stack.ports,
    tableName: process.env.TABLE_NAME ?? 'relasi',
    region: process.env.AWS_REGION ?? 'ap-southeast-3',
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT ?? '',
  };
  process.stdout.write(`${READY_MARKER}${JSON.stringify(info)}\n`);
}

main().catch((error: unknown) => {
  console.error('bench stack failed to start:', error);
  process.exit(1);
});
