import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FetchHandler } from './http-server';
import type { PortalName } from './portal-build';
import { PORTAL_HEADER, siteCsp } from '../../shared/platform/portal-edge';

/**
 * The response headers CloudFront adds in AWS (infra/cdk/relasi-stack.ts), less HSTS, which
 * would pin localhost to https.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** CloudFront compresses objects from 1 KB. */
const COMPRESS_FROM_BYTES = 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.xml', '.txt', '.svg', '.ico']);

type Encoding = 'br' | 'gzip';
type CachedFile = { mtimeMs: number; body: Buffer; encoded: Partial<Record<Encoding, Buffer>> };

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function acceptedEncoding(header: string | undefined): Encoding | undefined {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([token]) => token?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** Files the path may mean: `/a/` → `a/index.html`; `/a` → `a`, `a/index.html`, `a.html`. */
function candidates(pathname: string): string[] {
  if (pathname.endsWith('/')) return [`${pathname}index.html`];
  if (extname(pathname)) return [pathname];
  return [pathname, `${pathname}/index.html`, `${pathname}.html`];
}

function notBuiltPage(name: PortalName): string {
  return `<!doctype html><meta charset="utf-8"><title>Portal not built</title><p>The ${name} portal is not built. Run <code>npm run build:portals</code> and restart.</p>`;
}

/** A static site from a portal's `dist`, with /api/* handed to the API in-process, as CloudFront does in AWS. */
export function portalApp(name: PortalName, distDir: string, apiFetch: FetchHandler, uploadOrigin: string): Hono<{ Bindings: HttpBindings }> {
  const csp = siteCsp(uploadOrigin);
  const root = resolve(distDir);
  const cache = new Map<string, CachedFile>();

  async function load(file: string): Promise<CachedFile | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const fresh: CachedFile = { mtimeMs: info.mtimeMs, body: await readFile(file), encoded: {} };
    cache.set(file, fresh);
    return fresh;
  }

  async function encoded(file: CachedFile, encoding: Encoding): Promise<Buffer> {
    const existing = file.encoded[encoding];
    if (existing) return existing;
    const body =
      encoding === 'br'
        ? await brotli(file.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: file.body.length } })
        : await gzipAsync(file.body, { level: 9 });
    file.encoded[encoding] = body;
    return body;
  }

  async function respond(c: Context, relative: string, file: CachedFile, status: 200 | 404): Promise<Response> {
    const ext = extname(relative).toLowerCase();
    const headers = new Headers({
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': status === 200 && relative.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE,
      ETag: `W/"${file.body.length.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`,
    });
    if (status === 200 && c.req.header('if-none-match') === headers.get('ETag')) return new Response(null, { status: 304, headers });
    let body = file.body;
    if (COMPRESSIBLE.has(ext) && body.length >= COMPRESS_FROM_BYTES) {
      headers.set('Vary', 'Accept-Encoding');
      const encoding = acceptedEncoding(c.req.header('accept-encoding'));
      if (encoding) {
        body = await encoded(file, encoding);
        headers.set('Content-Encoding', encoding);
      }
    }
    headers.set('Content-Length', String(body.length));
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status, headers });
  }

  async function find(pathname: string): Promise<{ relative: string; file: CachedFile } | undefined> {
    for (const relative of candidates(pathname)) {
      const full = resolve(root, `.${relative}`);
      if (full !== root && !full.startsWith(root + sep)) continue;
      const file = await load(full);
      if (file) return { relative, file };
    }
    return undefined;
  }

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use('*', async (c, next) => {
    await next();
    for (const [header, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(header, value);
    if (!c.req.path.startsWith('/api/')) c.res.headers.set('Content-Security-Policy', csp);
  });
  app.use('/api/*', compress());

  app.all('/api/*', (c) => {
    const headers = new Headers(c.req.raw.headers);
    // Set by the server, never trusted from the client: it selects the session cookie.
    headers.set(PORTAL_HEADER, name);
    return apiFetch(new Request(c.req.raw, { headers }), c.env);
  });

  app.on(['GET', 'HEAD'], '*', async (c) => {
    if (!existsSync(root)) return c.html(notBuiltPage(name), 503);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad request', 400);
    }
    if (pathname.includes('\0')) return c.text('Bad request', 400);
    const found = await find(pathname);
    if (found) return respond(c, found.relative, found.file, 200);
    const notFound = await load(join(root, '404.html'));
    return notFound ? respond(c, '/404.html', notFound, 404) : c.text('Not found', 404);
  });

  app.all('*', (c) => c.text('Method not allowed', 405, { Allow: 'GET, HEAD' }));
  return app;
}
