import { DEMO_PASSWORD } from './browser';

export type ApiCall = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * A signed-in API client with a bearer token, for preparing or checking what the browser
 * shows. Every POST carries a fresh Idempotency-Key; an answer that is not 2xx throws.
 */
export async function apiAs(apiUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiCall> {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login as ${email}: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${apiUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
