import { serve, type HttpBindings } from '@hono/node-server';
import type { Server } from 'node:http';

/** The request and the Node socket it came on (the API reads the client's address from it). */
export type FetchHandler = (request: Request, env: HttpBindings) => Response | Promise<Response>;
export type HttpServer = { port: number; close(): Promise<void> };

/** Binding to loopback keeps the demo logins and the mail catcher off the local network. */
export const LOCAL_HOST = '127.0.0.1';

/**
 * After a 413 the refused body may be partly unread (the API drains only a bounded amount), so
 * the connection cannot carry another request: saying so lets a keep-alive client open a new
 * one instead of failing its next request on this socket.
 */
async function closingAfterTooLarge(fetch: FetchHandler, request: Request, env: HttpBindings): Promise<Response> {
  const response = await fetch(request, env);
  if (response.status === 413) response.headers.set('Connection', 'close');
  return response;
}

/** Serves a fetch handler on Node; port 0 lets the OS pick one. */
export function listen(fetch: FetchHandler, port: number): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    // @hono/node-server creates an HTTP/1.1 `http.Server` unless told otherwise.
    const server = serve({ fetch: (request, env) => closingAfterTooLarge(fetch, request, env as HttpBindings), port, hostname: LOCAL_HOST }, (info) =>
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
