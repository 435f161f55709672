import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 256-bit secret, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a secret: its SHA-256, so the table never holds a usable token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** HMAC-SHA256 of `payload` under `key`, URL-safe. */
export function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** Constant-time comparison of two signatures. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A signed token `payload.signature`: `payload` (URL-safe, no '.') with its HMAC under `key`.
 * `scope` ('device', 'kb-visitor') is signed with it, so a token of one kind never passes as
 * another; list cursors have none (their signatures predate scopes).
 */
export function sealToken(key: string, payload: string, scope?: string): string {
  return `${payload}.${sign(key, scoped(payload, scope))}`;
}

/** The payload of a token sealed under `key` for `scope`, or undefined when it is missing, malformed or its signature is wrong (constant time). */
export function openToken(key: string, token: string | undefined, scope?: string): string | undefined {
  const [payload, signature, ...rest] = token?.split('.') ?? [];
  if (!payload || !signature || rest.length > 0) return undefined;
  return sameSignature(signature, sign(key, scoped(payload, scope))) ? payload : undefined;
}

const scoped = (payload: string, scope: string | undefined) => (scope ? `${scope}:${payload}` : payload);
