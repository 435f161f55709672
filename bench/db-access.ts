import type { StackInfo } from './stack-protocol';

/**
 * The app's own data layer (ElectroDB service, document client), pointed at the bench stack's
 * DynamoDB Local from this, the measuring, process. The app reads its config once, on first
 * use, so the environment is set before the modules load.
 */
export async function benchDb(info: StackInfo) {
  Object.assign(process.env, {
    RELASI_STAGE: 'local',
    AWS_REGION: info.region,
    DYNAMODB_ENDPOINT: info.dynamodbEndpoint,
    TABLE_NAME: info.tableName,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const [{ db }, { dynamo }, { newAccountRecord }, { newOpportunityRecord }, { outboxRepository }, { ticketRepository }] = await Promise.all([
    import('../shared/db/service'),
    import('../shared/db/client'),
    import('../shared/db/repositories/account.repository'),
    import('../shared/db/repositories/opportunity.repository'),
    import('../shared/db/repositories/outbox.repository'),
    import('../shared/db/repositories/ticket.repository'),
  ]);
  return { info, db, dynamo, newAccountRecord, newOpportunityRecord, outboxRepository, ticketRepository };
}

export type BenchDb = Awaited<ReturnType<typeof benchDb>>;
