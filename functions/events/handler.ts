import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { workUnit } from '../../shared/services/work/work-runner';
import { workKindOf } from '../../shared/services/work/work-kinds';
import { dropUnlinkedUpload, TICKET_ATTACHMENT_ENTITY } from './attachment-cleanup.consumer';

/** ElectroDB's entity marker on lead import chunks (shared/db/entities/lead-import-chunk.entity.ts). */
const LEAD_IMPORT_CHUNK_ENTITY = 'leadImportChunk';
/** ElectroDB's entity marker on queued password resets (shared/db/entities/password-reset-request.entity.ts). */
const PASSWORD_RESET_REQUEST_ENTITY = 'passwordResetRequest';

// The Lambda event carries the same wire-format attribute values as the SDK, typed separately.
const itemOf = (image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']) => unmarshall(image as Record<string, AttributeValue>);

async function processRecord(record: DynamoDBRecord): Promise<void> {
  const oldImage = record.dynamodb?.OldImage;
  if (record.eventName === 'REMOVE' && oldImage) {
    const removed = itemOf(oldImage);
    if (removed.__edb_e__ === TICKET_ATTACHMENT_ENTITY) await dropUnlinkedUpload(removed);
    return;
  }
  const image = record.dynamodb?.NewImage;
  if (!image) return;
  const item = itemOf(image);
  const kind = workKindOf(item);
  if (kind) {
    // A new unit, or a failed one a person asked to retry; other changes of a unit are its own progress.
    const retried = record.eventName === 'MODIFY' && item.workState === 'pending' && oldImage && itemOf(oldImage).workState === 'failed';
    if (record.eventName === 'INSERT' || retried) await workUnit(kind, item);
    return;
  }
  if (record.eventName !== 'INSERT') return;
  // Loaded on demand: the lead services stay out of the mail path's cold start.
  else if (item.__edb_e__ === LEAD_IMPORT_CHUNK_ENTITY) await (await import('./lead-import.consumer')).importLeadChunk(item);
  else if (item.__edb_e__ === PASSWORD_RESET_REQUEST_ENTITY) await (await import('./password-reset.consumer')).handlePasswordResetRequest(item);
}

/**
 * Table-stream consumer (Lambda, with ReportBatchItemFailures). Records are handled in order;
 * at the first failure it stops and reports that record, because the stream is replayed from
 * the reported sequence number and going on would send later mails twice.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    try {
      await processRecord(record);
    } catch (error) {
      console.error('events: record failed', { eventID: record.eventID, error: String(error) });
      const itemIdentifier = record.dynamodb?.SequenceNumber;
      if (!itemIdentifier) throw error;
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  return { batchItemFailures: [] };
}
