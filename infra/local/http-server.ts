import { serve } from '@hono/node-server';
import type { Server } from 'node:http';

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;
export type HttpServer = { port: number; close(): Promise<void> };

/** Binding to loopback keeps the demo logins and the mail catcher off the local network. */
export const LOCAL_HOST = '127.0.0.1';

/** Serves a fetch handler on Node; port 0 lets the OS pick one. */
export function listen(fetch: FetchHandler, port: number): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    // @hono/node-server creates an HTTP/1.1 `http.Server` unless told otherwise.
    const server = serve({ fetch, port, hostname: LOCAL_HOST }, (info) =>
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      }),
    ) as Server;
    server.once('error', reject);
  });
}
