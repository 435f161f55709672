import { Agent, request } from 'node:http';

export type HttpResult = { status: number; body: string };

/**
 * A minimal HTTP/1.1 client on one keep-alive connection: every measured request reuses the
 * same socket, so the figures show the server's work rather than TCP handshakes.
 */
export function keepAliveClient(baseUrl: string, headers: Record<string, string> = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(baseUrl);

  function send(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method,
          path,
          headers: { accept: 'application/json', ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown) => send('POST', path, body),
    /** A copy sending extra headers on the same kind of connection (e.g. a bearer token). */
    with: (extra: Record<string, string>) => keepAliveClient(baseUrl, { ...headers, ...extra }),
    close: () => agent.destroy(),
  };
}

export type KeepAliveClient = ReturnType<typeof keepAliveClient>;

/** Fails loudly when a request did not answer as expected: a figure over error pages means nothing. */
export function expectStatus(result: HttpResult, status: number, what: string): HttpResult {
  if (result.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${result.status}: ${result.body.slice(0, 300)}`);
  return result;
}
