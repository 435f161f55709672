import { Agent, request } from 'node:http';
import { app } from '../../../functions/api/app';
import { listen, LOCAL_HOST, type HttpServer } from '../../../infra/local/http-server';
import { portalApp } from '../../../infra/local/portal-server';
import { SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { createTestTable } from '../../support/test-table.helper';

// The servers `npm start` runs (infra/local/stack.ts): the API on its own port, and a portal
// answering /api/* on its origin, both serving the real app on @hono/node-server.
let api: HttpServer;
let portal: HttpServer;

beforeAll(async () => {
  await createTestTable();
  api = await listen(app.fetch, 0);
  portal = await listen(portalApp('customer', '/nonexistent-dist', app.fetch, 'http://localhost:1').fetch, 0);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await api.close();
  await portal.close();
});

type Reply = { status: number; body: string };

/**
 * One request on a keep-alive agent with a single socket, the way browsers and undici reuse
 * connections; a body is written in one go, as fast as the socket takes it.
 */
function send(agent: Agent, port: number, method: string, path: string, body?: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = body ? { 'content-type': 'application/json', 'content-length': body.length } : {};
    const req = request({ host: LOCAL_HOST, port, method, path, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a body over the limit on a keep-alive connection', () => {
  const twoMegabytes = Buffer.from(JSON.stringify({ email: 'big@example.org', password: 'x'.repeat(2 * 1024 * 1024) }));

  test.each([
    ['the API', () => api.port],
    ['a portal\'s /api', () => portal.port],
  ])('%s answers 413 and the client\'s next request succeeds', async (_where, port) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send(agent, port(), 'POST', '/api/v1/auth/login', twoMegabytes);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body).error.code).toBe('payload_too_large');
      const next = await send(agent, port(), 'GET', '/api/v1/health');
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toEqual({ status: 'ok', db: 'ok' });
    } finally {
      agent.destroy();
    }
  });
});
