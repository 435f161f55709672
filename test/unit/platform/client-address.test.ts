import { Hono } from 'hono';
import type { AppEnv } from '../../../functions/api/env';
import { clientAddress } from '../../../functions/api/middleware/client-address';
import { resetConfigForTests } from '../../../shared/platform/config';

const EDGE_SECRET = 'the-secret-our-cloudfront-sends';

/** An app answering the address rate limits would key on. */
const app = new Hono<AppEnv>().get('/', (c) => c.text(clientAddress(c)));

async function addressOf(headers: Record<string, string>, env?: unknown): Promise<string> {
  return (await app.request('/', { headers }, env as AppEnv['Bindings'])).text();
}

/** What hono/aws-lambda passes for an HTTP API event whose connection came from `sourceIp`. */
const apiGateway = (sourceIp: string) => ({ requestContext: { http: { sourceIp } } });
/** What @hono/node-server passes for a socket whose peer is `remoteAddress`. */
const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

beforeAll(() => {
  process.env.EDGE_SECRET = EDGE_SECRET;
  resetConfigForTests();
});
afterAll(() => {
  delete process.env.EDGE_SECRET;
  resetConfigForTests();
});

describe('the client address rate limits key on', () => {
  test('through our CloudFront it is the viewer address CloudFront adds (IPv4 and IPv6), without the port', async () => {
    const edge = apiGateway('130.176.1.1');
    expect(await addressOf({ 'x-relasi-edge-secret': EDGE_SECRET, 'cloudfront-viewer-address': '198.51.100.10:46532' }, edge)).toBe('198.51.100.10');
    expect(await addressOf({ 'x-relasi-edge-secret': EDGE_SECRET, 'cloudfront-viewer-address': '2001:db8::7:46532' }, edge)).toBe('2001:db8::7');
  });

  test('a viewer address header without the edge secret, or with a wrong one, is ignored: the connection\'s source counts', async () => {
    expect(await addressOf({ 'cloudfront-viewer-address': '198.51.100.10:46532' }, apiGateway('203.0.113.9'))).toBe('203.0.113.9');
    expect(await addressOf({ 'x-relasi-edge-secret': 'guessed', 'cloudfront-viewer-address': '198.51.100.10:46532' }, apiGateway('203.0.113.9'))).toBe('203.0.113.9');
  });

  test('X-Forwarded-For never counts: locally the socket\'s peer, and without a server one shared bucket', async () => {
    expect(await addressOf({ 'x-forwarded-for': '10.0.0.1' }, socket('127.0.0.1'))).toBe('127.0.0.1');
    expect(await addressOf({ 'x-forwarded-for': '10.0.0.1', 'x-real-ip': '10.0.0.2' })).toBe('unknown');
  });
});
