import type { components, paths } from './schema.gen';

/** One structured detail of an error answer: the fields, limits and values a screen shows. */
export type ErrorDetail = components['schemas']['ErrorDetail'];

/** An API answer other than 2xx (code, message and the structured details), or a request that never got an answer (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[] | undefined;

  constructor(status: number, code: string, message: string, details?: ErrorDetail[], options?: ErrorOptions) {
    super(message, options);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths of the API that answer `method`, as the OpenAPI document names them ("/quotes/{id}"). */
type PathOf<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, object> ? P : never }[keyof paths];

type Operation<M extends Method, P extends PathOf<M>> = paths[P][M];
type OperationParams<O> = O extends { parameters: infer X } ? X : never;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
/** A null or empty value leaves the parameter out (a first page has no cursor); a flag may be a boolean. */
type LooseQuery<Q> = { [K in keyof Q]?: Q[K] | null | '' | ('true' extends Q[K] ? boolean : never) };

type PathPart<O> = OperationParams<O> extends { path: infer X } ? { path: X } : { path?: never };
type QueryPart<O> = OperationParams<O> extends { query?: infer Q } ? ([NonNullable<Q>] extends [never] ? { query?: never } : { query?: LooseQuery<NonNullable<Q>> }) : { query?: never };
type BodyPart<O> = O extends { requestBody: infer B }
  ? { body: Json<B> }
  : O extends { requestBody?: infer B }
    ? [NonNullable<B>] extends [never]
      ? { body?: never }
      : { body?: Json<NonNullable<B>> }
    : { body?: never };

/** What one call sends: the path's and query's parameters and the JSON body its operation declares, and the write headers. */
type CallOptions<O> = PathPart<O> &
  QueryPart<O> &
  BodyPart<O> & {
    /** The record version the change is based on; the API answers 409 when it is stale. */
    ifMatch?: number;
    /** Same key for retries of one submission, so the API performs it once. */
    idempotencyKey?: string;
    signal?: AbortSignal;
  };

/** The JSON of the operation's 2xx answer (undefined for 204). */
type Answer<O> = O extends { responses: infer R } ? { [S in keyof R]: S extends 200 | 201 | 202 ? Json<R[S]> : S extends 204 ? undefined : never }[keyof R] : never;

/** Any operation's options, as the sending code reads them. */
type Sent = { path?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown; ifMatch?: number; idempotencyKey?: string; signal?: AbortSignal };

type Args<O> = object extends CallOptions<O> ? [options?: CallOptions<O>] : [options: CallOptions<O>];

const BASE = '/api/v1';

function buildUrl(path: string, params: Record<string, string | number> = {}, query: Record<string, unknown> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const qs = search.toString();
  return `${BASE}${filled}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is components['schemas']['Error'] {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Calls an operation of the same-origin API with the session cookie, typed by the generated
 * OpenAPI types (path and query parameters, JSON body, answer); resolves with the answer's JSON.
 */
export async function call<M extends Method, P extends PathOf<M>>(method: M, path: P, ...[options]: Args<Operation<M, P>>): Promise<Answer<Operation<M, P>>> {
  // The signature checked the call against its operation; sending it is the same for every one.
  const { path: params, query, body, ifMatch, idempotencyKey, signal } = (options ?? {}) as Sent;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = String(ifMatch);
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, params, query), {
      method: method.toUpperCase(),
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'The server could not be reached.', undefined, { cause });
  }

  if (response.status === 204) return undefined as Answer<Operation<M, P>>;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch (cause) {
    // A proxy or gateway page instead of the API's JSON.
    throw new ApiError(response.status, response.ok ? 'bad_response' : 'http_error', response.statusText || 'Unexpected answer', undefined, { cause });
  }
  if (response.ok) return json as Answer<Operation<M, P>>;
  if (isErrorBody(json)) throw new ApiError(response.status, json.error.code, json.error.message, json.error.details);
  throw new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
}

/** A random UUID for `Idempotency-Key`; getRandomValues also works outside secure contexts. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
