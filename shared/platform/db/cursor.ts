import { config } from '../config';
import { ValidationError } from '../errors';
import { openToken, sealToken } from '../crypto/secret-token';

type CursorPayload = { p: string; c: string; l: string };

/** The 400 for any cursor that cannot be used: bad, foreign, tampered or pointing nowhere. */
export const invalidCursor = () => new ValidationError('The cursor is not valid.', undefined, 'invalid_cursor');

/**
 * The payload a cursor carries, or undefined when it is anything else. A valid signature
 * says who wrote it, not that it holds what sealCursor writes: the shape is checked too.
 */
function payloadOf(encoded: string): CursorPayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString());
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !('p' in value && 'c' in value && 'l' in value)) return undefined;
  const { p, c, l } = value;
  return typeof p === 'string' && p !== '' && typeof c === 'string' && typeof l === 'string' ? { p, c, l } : undefined;
}

/**
 * Opaque list cursors: the database's position, bound to the caller and the list it came
 * from, and signed, so a cursor cannot be forged, edited or replayed by someone else.
 */
export function sealCursor(position: string | null | undefined, callerId: string, list: string): string | null {
  if (!position) return null;
  const payload = Buffer.from(JSON.stringify({ p: position, c: callerId, l: list } satisfies CursorPayload)).toString('base64url');
  return sealToken(config().signingSecret, payload);
}

/** The database position inside a cursor; a bad, foreign or tampered cursor is a 400. */
export function openCursor(cursor: string | undefined, callerId: string, list: string): string | undefined {
  if (!cursor) return undefined;
  const payload = openToken(config().signingSecret, cursor);
  if (!payload) throw invalidCursor();
  const parsed = payloadOf(payload);
  if (!parsed || parsed.c !== callerId || parsed.l !== list) throw invalidCursor();
  return parsed.p;
}
