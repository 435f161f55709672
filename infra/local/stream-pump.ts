import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type AttributeValue as SdkAttributeValue,
  type _Record as SdkStreamRecord,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { readStreamPosition, writeStreamPosition, type ShardPosition } from './stream-position';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

export type StreamPumpOptions = {
  endpoint: string;
  region: string;
  tableName: string;
  handler: StreamHandler;
  /** Without a saved position: read from the oldest record (a brand-new table) instead of only what is written from now on. */
  fromStart?: boolean;
  /**
   * Where the pump keeps, after each handled batch, how far it got in each shard; a pump started
   * with the same file goes on after the last handled record, so work written while no pump ran
   * is still done.
   */
  positionFile?: string;
  intervalMs?: number;
};

export type StreamPump = { stop(): Promise<void> };

type Position = { type: ShardIteratorType; sequenceNumber?: string };
/** `position` opens the next iterator (at a failed record, to hand it again); `handled` is what is saved. */
type ShardState = { position: Position; handled: ShardPosition; iterator?: string; closed: boolean };

const SHARD_DISCOVERY_MS = 1000;
const RETRY_AFTER_FAILURE_MS = 1000;
/** GetRecords' maximum: a backlog (a bulk import writes tens of thousands of records) drains in few reads. */
const RECORDS_PER_READ = 1000;

function toLambdaValue(value: SdkAttributeValue): AttributeValue {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.M !== undefined) return { M: toLambdaMap(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  // The Streams client hands an empty map (`{"M":{}}` on the wire) over as `{}`.
  if (Object.keys(value).length === 0) return { M: {} };
  throw new Error(`Unsupported stream attribute value: ${Object.keys(value).join(',')}`);
}

function toLambdaMap(map: Record<string, SdkAttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toLambdaValue(value)]));
}

function toLambdaImage(image: Record<string, SdkAttributeValue> | undefined): Record<string, AttributeValue> | undefined {
  return image && toLambdaMap(image);
}

/** The SDK returns binary as bytes and dates as Date; Lambda delivers the JSON wire format. */
function toLambdaRecord(record: SdkStreamRecord, streamArn: string): DynamoDBRecord {
  const stream = record.dynamodb;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: stream && {
      ApproximateCreationDateTime: stream.ApproximateCreationDateTime && Math.floor(stream.ApproximateCreationDateTime.getTime() / 1000),
      Keys: toLambdaImage(stream.Keys),
      NewImage: toLambdaImage(stream.NewImage),
      OldImage: toLambdaImage(stream.OldImage),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    },
  };
}

/**
 * Polls a table's stream on DynamoDB Local and hands each batch to a Lambda-style stream
 * handler, the way the event source mapping does in AWS: in order per shard, replaying from
 * the first reported failure. Shards that appear later are read from their start.
 */
export async function startStreamPump(options: StreamPumpOptions): Promise<StreamPump> {
  const { endpoint, region, tableName, handler, fromStart = false, positionFile, intervalMs = 200 } = options;
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamodb = new DynamoDBClient({ endpoint, region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint, region, credentials });

  const table = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  dynamodb.destroy();
  const latestStreamArn = table.Table?.LatestStreamArn;
  if (!latestStreamArn) throw new Error(`Table ${tableName} has no stream`);
  const streamArn = latestStreamArn;
  const saved = positionFile ? readStreamPosition(positionFile) : undefined;
  // A position saved for another stream (the table was made anew) says nothing about this one.
  const resumed = saved?.streamArn === streamArn ? saved.shards : undefined;

  const shards = new Map<string, ShardState>();
  let nextDiscovery = 0;
  let retryAt = 0;

  function savePosition(): void {
    if (!positionFile) return;
    const handled = Object.fromEntries([...shards].map(([shardId, shard]) => [shardId, shard.handled]));
    writeStreamPosition(positionFile, { streamArn, shards: handled });
  }

  /**
   * "From now on" as an explicit position, after the shard's newest record: unlike LATEST it can
   * be saved, so records written before the first handled one are not skipped after a restart.
   */
  async function endOfShard(shardId: string): Promise<ShardPosition> {
    let end: ShardPosition = { type: 'TRIM_HORIZON' };
    let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (iterator) {
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: RECORDS_PER_READ }));
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (!last) break;
      end = { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: last };
      iterator = NextShardIterator;
    }
    return end;
  }

  async function startingPosition(shardId: string, initial: boolean): Promise<ShardPosition> {
    // A shard missing from a saved position appeared while no pump ran: all of it is new work.
    if (resumed) return resumed[shardId] ?? { type: 'TRIM_HORIZON' };
    if (initial && !fromStart) return endOfShard(shardId);
    return { type: 'TRIM_HORIZON' };
  }

  async function discoverShards(initial: boolean): Promise<void> {
    let exclusiveStartShardId: string | undefined;
    let found = false;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || shards.has(shard.ShardId)) continue;
        const handled = await startingPosition(shard.ShardId, initial);
        shards.set(shard.ShardId, { position: handled, handled, closed: false });
        found = true;
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    nextDiscovery = Date.now() + SHARD_DISCOVERY_MS;
    if (found) savePosition();
  }

  async function openIterator(shardId: string, shard: ShardState): Promise<string | undefined> {
    const open = (position: Position) =>
      streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: position.type, SequenceNumber: position.sequenceNumber }));
    try {
      return (await open(shard.position)).ShardIterator;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'TrimmedDataAccessException')) throw error;
      // The stream no longer keeps the saved record (24 hours in AWS): read what it still has;
      // work whose records were trimmed is re-driven from the table by the schedule's sweep.
      console.error(`stream pump: shard ${shardId} cannot resume at ${shard.position.sequenceNumber} (${String(error)}); reading from its oldest kept record`);
      shard.position = { type: 'TRIM_HORIZON' };
      return (await open(shard.position)).ShardIterator;
    }
  }

  async function openIterators(): Promise<void> {
    for (const [shardId, shard] of shards) {
      if (shard.closed || shard.iterator) continue;
      shard.iterator = await openIterator(shardId, shard);
      if (!shard.iterator) shard.closed = true;
    }
  }

  function handledUpTo(shard: ShardState, sequenceNumber: string): void {
    shard.handled = { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber };
    shard.position = shard.handled;
    savePosition();
  }

  /** Whether the shard handed over records (so more may be waiting). */
  async function pumpShard(shard: ShardState): Promise<boolean> {
    if (shard.closed || !shard.iterator) return false;
    const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: RECORDS_PER_READ }));
    if (Records.length > 0) {
      const failed = await handler({ Records: Records.map((r) => toLambdaRecord(r, streamArn)) }).then(
        (response) => response.batchItemFailures[0]?.itemIdentifier,
        (error: unknown) => {
          console.error('stream pump: handler threw', error);
          return Records[0]?.dynamodb?.SequenceNumber;
        },
      );
      if (failed) {
        // The records before the failed one were handled, in order.
        const before = Records[Records.findIndex((record) => record.dynamodb?.SequenceNumber === failed) - 1]?.dynamodb?.SequenceNumber;
        if (before) handledUpTo(shard, before);
        shard.position = { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: failed };
        shard.iterator = undefined;
        retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
        return false;
      }
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) handledUpTo(shard, last);
    }
    shard.iterator = NextShardIterator;
    if (!NextShardIterator) shard.closed = true;
    return Records.length > 0;
  }

  /** One pass over the shards; true when some shard had records, so the next pass should not wait. */
  async function tick(): Promise<boolean> {
    if (Date.now() < retryAt) return false;
    if (Date.now() >= nextDiscovery) await discoverShards(false);
    await openIterators();
    let busy = false;
    for (const shard of shards.values()) {
      try {
        if (await pumpShard(shard)) busy = true;
      } catch (error) {
        // An expired or trimmed iterator is reopened from the last handled position next tick.
        console.error('stream pump: GetRecords failed', String(error));
        shard.iterator = undefined;
      }
    }
    return busy;
  }

  await discoverShards(true);
  await openIterators();

  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  // While records keep coming (a bulk import writes tens of thousands) the pump reads on without
  // pausing, as the Lambda event source mapping does; it waits `intervalMs` only when idle.
  const loop = () => {
    running = tick()
      .catch((error: unknown) => {
        console.error('stream pump:', String(error));
        return false;
      })
      .then((busy) => {
        if (!stopped) timer = setTimeout(loop, busy ? 0 : intervalMs);
      });
  };
  let timer = setTimeout(loop, intervalMs);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      streams.destroy();
    },
  };
}
