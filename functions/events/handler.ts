import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../shared/platform/logger';
import { workUnit } from '../../shared/platform/work/work-runner';
import { withInvocationLog } from '../invocation-log';
import { workKindOf } from '../work-kinds';

// The Lambda event carries the same wire-format attribute values as the SDK, typed separately.
const itemOf = (image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']) => unmarshall(image as Record<string, AttributeValue>);

async function processRecord(record: DynamoDBRecord): Promise<void> {
  const oldImage = record.dynamodb?.OldImage;
  const image = record.dynamodb?.NewImage;
  if (!image) return;
  const item = itemOf(image);
  const kind = workKindOf(item);
  if (!kind) return;
  // A new unit (unless it waits for its due time), or a failed one a person asked to retry; other changes of a unit are its own progress.
  const retried = record.eventName === 'MODIFY' && item.workState === 'pending' && oldImage && itemOf(oldImage).workState === 'failed';
  if ((record.eventName === 'INSERT' && !kind.scheduled) || retried) await workUnit(kind, item);
}

/**
 * Table-stream consumer (Lambda, with ReportBatchItemFailures). Records are handled in order;
 * at the first failure it stops and reports that record, because the stream is replayed from
 * the reported sequence number and going on would send later mails twice.
 */
export function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  return withInvocationLog(context, async () => {
    for (const record of event.Records) {
      try {
        await processRecord(record);
      } catch (error) {
        logger.error('events: record failed', { eventID: record.eventID, error });
        const itemIdentifier = record.dynamodb?.SequenceNumber;
        if (!itemIdentifier) throw error;
        return { batchItemFailures: [{ itemIdentifier }] };
      }
    }
    return { batchItemFailures: [] };
  });
}
