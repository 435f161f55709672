import { config } from '../../config';
import { ValidationError } from '../../domain/errors';
import { sameSignature, sign } from './secret-token';

/**
 * Opaque list cursors: the database's position, bound to the caller and the list it came
 * from, and signed, so a cursor cannot be forged, edited or replayed by someone else.
 */
export function sealCursor(position: string | null | undefined, callerId: string, list: string): string | null {
  if (!position) return null;
  const payload = Buffer.from(JSON.stringify({ p: position, c: callerId, l: list })).toString('base64url');
  return `${payload}.${sign(config().signingSecret, payload)}`;
}

/** The database position inside a cursor; a bad, foreign or tampered cursor is a 400. */
export function openCursor(cursor: string | undefined, callerId: string, list: string): string | undefined {
  if (!cursor) return undefined;
  const [payload, signature] = cursor.split('.');
  if (!payload || !signature || !sameSignature(signature, sign(config().signingSecret, payload))) {
    throw new ValidationError('The cursor is not valid.', undefined, 'invalid_cursor');
  }
  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { p: string; c: string; l: string };
  if (parsed.c !== callerId || parsed.l !== list) {
    throw new ValidationError('The cursor is not valid.', undefined, 'invalid_cursor');
  }
  return parsed.p;
}
