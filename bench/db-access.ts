import type { StackInfo } from './stack-protocol';

/**
 * The app's own data layer (ElectroDB entities, document client), pointed at the bench stack's
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
  const [{ AccountEntity }, { OpportunityEntity }, { TimelineItemEntity }, { dynamo }, { newAccountRecord }, { newOpportunityRecord }, { outboxRepository }, { ticketRepository }] = await Promise.all([
    import('../shared/modules/crm/db/account.entity'),
    import('../shared/modules/sales/db/opportunity.entity'),
    import('../shared/modules/crm/db/timeline-item.entity'),
    import('../shared/platform/db/client'),
    import('../shared/modules/crm/db/account.repository'),
    import('../shared/modules/sales/db/opportunity.repository'),
    import('../shared/platform/mail/outbox.repository'),
    import('../shared/modules/desk/db/ticket.repository'),
  ]);
  return { info, AccountEntity, OpportunityEntity, TimelineItemEntity, dynamo, newAccountRecord, newOpportunityRecord, outboxRepository, ticketRepository };
}

export type BenchDb = Awaited<ReturnType<typeof benchDb>>;
