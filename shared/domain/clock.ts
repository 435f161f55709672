/** The current instant as ISO 8601 UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Epoch seconds (the unit of DynamoDB TTL attributes). */
export function epochSeconds(date = new Date()): number {
  return Math.floor(date.getTime() / 1000);
}
