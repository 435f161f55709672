import { hashPassword, verifyPassword } from '../../../shared/platform/crypto/password';
import { openCursor, sealCursor } from '../../../shared/platform/db/cursor';
import { hashSecret, newSecret, sign } from '../../../shared/platform/crypto/secret-token';
import { config } from '../../../shared/platform/config';
import { ValidationError } from '../../../shared/platform/errors';

describe('passwords', () => {
  test('hashes with scrypt at OWASP parameters and verifies', async () => {
    const hash = await hashPassword('kue-lapis-legit');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('kue-lapis-legit', hash)).toBe(true);
    expect(await verifyPassword('kue-lapis-legi', hash)).toBe(false);
  });

  test('two hashes of one password differ (salted)', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a).not.toBe(b);
  });

  test('a malformed stored hash never matches', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});

describe('secrets', () => {
  test('are 256-bit and stored only as their hash', () => {
    const secret = newSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(hashSecret(secret)).not.toContain(secret);
    expect(hashSecret(secret)).toBe(hashSecret(secret));
    expect(newSecret()).not.toBe(secret);
  });
});

describe('cursors', () => {
  const position = Buffer.from(JSON.stringify({ pk: 'x', sk: 'y' })).toString('base64url');

  test('round-trip for the same caller and list', () => {
    const cursor = sealCursor(position, 'user-1', 'accounts:')!;
    expect(openCursor(cursor, 'user-1', 'accounts:')).toBe(position);
  });

  test('no position, no cursor', () => {
    expect(sealCursor(null, 'user-1', 'accounts:')).toBeNull();
    expect(openCursor(undefined, 'user-1', 'accounts:')).toBeUndefined();
  });

  test.each([
    ['another caller', (c: string) => c, 'user-2', 'accounts:'],
    ['another list', (c: string) => c, 'user-1', 'contacts:'],
    ['an edited payload', (c: string) => `${Buffer.from(JSON.stringify({ p: 'other', c: 'user-1', l: 'accounts:' })).toString('base64url')}.${c.split('.')[1]}`, 'user-1', 'accounts:'],
    ['garbage', () => 'not-a-cursor', 'user-1', 'accounts:'],
  ])('refuses %s', (_name, mutate, caller, list) => {
    const cursor = mutate(sealCursor(position, 'user-1', 'accounts:')!);
    expect(() => openCursor(cursor, caller, list)).toThrow(ValidationError);
  });

  test('refuses a signed cursor that holds anything but what sealCursor writes, with invalid_cursor', () => {
    // A signature proves who wrote a cursor, not what it holds.
    const payloads = [
      'p=x',
      'null',
      '[]',
      '42',
      '"accounts:"',
      '{}',
      '{"c":"user-1","l":"accounts:"}',
      '{"p":"","c":"user-1","l":"accounts:"}',
      '{"p":42,"c":"user-1","l":"accounts:"}',
      '{"p":"x","l":"accounts:"}',
      '{"p":"x","c":"user-1"}',
    ];
    const answer = (json: string) => {
      const payload = Buffer.from(json).toString('base64url');
      try {
        return openCursor(`${payload}.${sign(config().signingSecret, payload)}`, 'user-1', 'accounts:');
      } catch (error) {
        return error instanceof ValidationError ? error.code : String(error);
      }
    };
    expect(payloads.map((json) => [json, answer(json)])).toEqual(payloads.map((json) => [json, 'invalid_cursor']));
  });
});
