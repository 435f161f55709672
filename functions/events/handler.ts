import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { TABLE_KEYS } from '../../shared/platform/db/table';
import { logger } from '../../shared/platform/logger';
import { workUnit } from '../../shared/platform/work/work-runner';
import { searchProjectionOfBatch } from '../../shared/modules/search/services/search-projection';
import { notifyOfChange } from '../../shared/modules/notifications/services/record-changes';
import { withInvocationLog } from '../invocation-log';
import { workKindOf } from '../work-kinds';

// The Lambda event carries the same wire-format attribute values as the SDK, typed separately.
const itemOf = (image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']) => unmarshall(image as Record<string, AttributeValue>);

/** A stored item's table keys, as text: what tells the changes of one record from another's. */
const keyOf = (image: Record<string, unknown> | undefined) => `${String(image?.[TABLE_KEYS.partitionKey])}|${String(image?.[TABLE_KEYS.sortKey])}`;

type Change = { record: DynamoDBRecord; old?: Record<string, unknown>; item?: Record<string, unknown> };

async function processRecord({ record, old, item }: Change): Promise<void> {
  if (!item) return;
  await notifyOfChange(item, old);
  const kind = workKindOf(item);
  if (!kind) return;
  // A new unit (unless it waits for its due time), or a failed one a person asked to retry; other changes of a unit are its own progress.
  const retried = record.eventName === 'MODIFY' && item.workState === 'pending' && old?.workState === 'failed';
  if ((record.eventName === 'INSERT' && !kind.scheduled) || retried) await workUnit(kind, item);
}

/** The stream has the batch again from this record on: the first that failed, or the first of all. */
function retryFrom(record: DynamoDBRecord | undefined, error: unknown): DynamoDBBatchResponse {
  const itemIdentifier = record?.dynamodb?.SequenceNumber;
  if (!itemIdentifier) throw error;
  return { batchItemFailures: [{ itemIdentifier }] };
}

/**
 * Table-stream consumer (Lambda, with ReportBatchItemFailures). Records are handled in order;
 * at the first failure it stops and reports that record, because the stream is replayed from
 * the reported sequence number and going on would send later mails twice.
 */
export function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  return withInvocationLog(context, async () => {
    const changes: Change[] = event.Records.map((record) => ({
      record,
      old: record.dynamodb?.OldImage && itemOf(record.dynamodb.OldImage),
      item: record.dynamodb?.NewImage && itemOf(record.dynamodb.NewImage),
    }));
    // The search's terms first, for the whole batch at once (idempotent: a replayed batch writes the same items).
    try {
      await searchProjectionOfBatch(changes.map(({ old, item }) => ({ key: keyOf(item ?? old), old, item })));
    } catch (error) {
      logger.error('events: search terms failed', { error });
      return retryFrom(event.Records[0], error);
    }
    for (const change of changes) {
      try {
        await processRecord(change);
      } catch (error) {
        logger.error('events: record failed', { eventID: change.record.eventID, error });
        return retryFrom(change.record, error);
      }
    }
    return { batchItemFailures: [] };
  });
}
