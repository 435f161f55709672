import { app } from '../../functions/api/app';
import type { AppEnv } from '../../functions/api/env';
import { seedDemoData } from '../../infra/local/seed/demo-seed';
import { createTestTable } from './test-table.helper';

export const DEMO_PASSWORD = 'relasi-demo-2026';

/**
 * How long a file's setup (fresh table, demo seed, six sign-ins at scrypt cost) may take: a
 * few seconds alone, but over two minutes has been seen on two cores shared with the browser
 * tests' stack and the 10,000-row import, and a setup that times out takes its worker down.
 */
export const SETUP_TIMEOUT_MS = 300_000;
export const STAFF_ORIGIN = 'http://localhost:4000';

/** The demo logins of API.md. */
export const DEMO = {
  admin: 'admin@kaktus.example',
  sales: 'sales@kaktus.example',
  service: 'service@kaktus.example',
  customer: 'yeyen@kita.example',
  partner: 'partner@mitra.example',
  investor: 'investor@example.com',
} as const;
export type DemoLogin = keyof typeof DEMO;

/** `address`: the client's address as the server's socket would report it (rate limits key on it; no header can set it). */
export type CallOptions = { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string; address?: string };
/** `bytes` is the body as sent, for answers that are not text (a PDF). */
export type Answer<T = any> = { status: number; body: T; headers: Headers; bytes: Uint8Array };

/** One request through the real app (app.request), JSON in and out. */
export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  // Only the socket's peer address is read from the Node bindings.
  const env = options.address ? ({ incoming: { socket: { remoteAddress: options.address } } } as unknown as AppEnv['Bindings']) : undefined;
  const response = await app.request(`/api/v1${path}`, { method, headers, body }, env);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a PDF, an HTML page): the text is the body.
  }
  return { status: response.status, body: parsed as T, headers: response.headers, bytes };
}

/** Every item of a list, following nextCursor from `path` (a path with its query) for up to `maxPages` pages. */
export async function everyPage<T = any>(path: string, token?: string, maxPages = 50): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer: Answer = await call('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

/** Sign in with a demo login and return its bearer token. */
export async function login(who: DemoLogin | string, password = DEMO_PASSWORD): Promise<string> {
  const email = who in DEMO ? DEMO[who as DemoLogin] : who;
  const answer = await call<{ token: string }>('POST', '/auth/login', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`login ${email} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}

/** A fresh table with the demo data, and tokens for every demo login. */
export async function demoWorld(): Promise<Record<DemoLogin, string>> {
  await createTestTable();
  await seedDemoData(DEMO_PASSWORD);
  const entries = await Promise.all((Object.keys(DEMO) as DemoLogin[]).map(async (who) => [who, await login(who)] as const));
  return Object.fromEntries(entries) as Record<DemoLogin, string>;
}
