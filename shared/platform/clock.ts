/** The current instant as ISO 8601 UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Epoch seconds (the unit of DynamoDB TTL attributes). */
export function epochSeconds(date = new Date()): number {
  return Math.floor(date.getTime() / 1000);
}

/** An ISO 8601 instant moved on by `ms` milliseconds. */
export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}
