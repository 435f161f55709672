import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

let sequence = 0;

/** A table-stream record of a stored item, as the events function receives it (each with the next sequence number). */
export function streamRecord(eventName: 'INSERT' | 'MODIFY', item: Record<string, unknown>, old?: Record<string, unknown>): DynamoDBRecord {
  sequence += 1;
  const image = (value: Record<string, unknown>) => marshall(value, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
  return { eventName, eventID: String(sequence), dynamodb: { SequenceNumber: String(sequence), NewImage: image(item), ...(old ? { OldImage: image(old) } : {}) } };
}
