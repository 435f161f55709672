import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Where a shard is to be read from next: its oldest kept record, or after the last handled one. */
export type ShardPosition = { type: 'TRIM_HORIZON' } | { type: 'AFTER_SEQUENCE_NUMBER'; sequenceNumber: string };

/** What the local stream pump keeps under `.data/` so that a new pump goes on where the last one stopped. */
export type SavedStreamPosition = { streamArn: string; shards: Record<string, ShardPosition> };

function isShardPosition(value: unknown): value is ShardPosition {
  if (typeof value !== 'object' || value === null) return false;
  const { type, sequenceNumber } = value as Record<string, unknown>;
  return type === 'TRIM_HORIZON' || (type === 'AFTER_SEQUENCE_NUMBER' && typeof sequenceNumber === 'string' && /^\d+$/.test(sequenceNumber));
}

/** The saved position, or undefined when there is none or the file cannot be read as one (then it is reported). */
export function readStreamPosition(file: string): SavedStreamPosition | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    const { streamArn, shards } = parsed as Record<string, unknown>;
    if (typeof streamArn !== 'string' || typeof shards !== 'object' || shards === null) throw new Error('no streamArn or shards');
    const entries = Object.entries(shards);
    if (!entries.every(([, position]) => isShardPosition(position))) throw new Error('a shard position is malformed');
    return { streamArn, shards: Object.fromEntries(entries) as Record<string, ShardPosition> };
  } catch (error) {
    console.error(`stream pump: ignoring ${file}, which holds no stream position (${String(error)})`);
    return undefined;
  }
}

/** Replaces the saved position in one rename, so a kill mid-write leaves the previous one whole. */
export function writeStreamPosition(file: string, position: SavedStreamPosition): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify(position, null, 2));
  renameSync(partial, file);
}
