import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { noStoreByDefault } from './middleware/cache-control';
import { correlation } from './middleware/correlation';
import { csrf } from './middleware/csrf';
import { notFound, onError } from './middleware/errors';
import { idempotency } from './middleware/idempotency';
import { limitBody, requireJson } from './middleware/request-guards';
import { session } from './middleware/session';
import { allRoutes, SECTIONS, sectionOf } from './sections';

type Routes = OpenAPIHono<AppEnv>;

const OPENAPI_INFO: Parameters<Routes['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Relasi API',
    version: '1.0.0',
    description: 'One API for the staff, customer, partner and investor portals. Errors: `{error:{code,message,details?}}`. Lists: `?limit=&cursor=` → `{items, nextCursor}`. Writes: `If-Match` on PATCH/DELETE, `Idempotency-Key` on POST.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ session: [] }, { bearer: [] }],
};
const OPENAPI_PATH = 'openapi.json';

let documented: Promise<Routes> | undefined;

/** Every route mounted on one router (mounted one by one, not chained: a chained type of every route makes the compiler crawl), which serves the OpenAPI document. */
function documentedRoutes(): Promise<Routes> {
  documented ??= Promise.all([import('./routes/route-kit'), allRoutes()]).then(([{ router }, routes]) => {
    const v1 = router();
    for (const mounted of routes) v1.route('/', mounted);
    v1.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'relasi_<portal>' });
    v1.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
    v1.doc31(`/${OPENAPI_PATH}`, OPENAPI_INFO);
    return v1;
  });
  return documented;
}

/** /api/v1 for one section's routes: the middleware in the order a request meets it, then the routes. */
function versioned(routes?: Routes): Hono<AppEnv> {
  const v1 = new Hono<AppEnv>().basePath('/api/v1');
  v1.onError(onError);
  v1.notFound(notFound);
  v1.use('*', noStoreByDefault, limitBody, requireJson, session, csrf, idempotency);
  if (routes) v1.route('/', routes);
  return v1;
}

const loaded = new Map<unknown, Promise<Hono<AppEnv>>>();
const unknownSection = versioned();

/** The section's app, built on its first request: a request loads only the route module it needs. */
function sectionApp(path: string): Promise<Hono<AppEnv>> {
  const section = sectionOf(path.slice('/api/v1'.length));
  const load = section === OPENAPI_PATH ? documentedRoutes : SECTIONS[section];
  if (!load) return Promise.resolve(unknownSection);
  let app = loaded.get(load);
  if (!app) {
    app = load().then(versioned);
    loaded.set(load, app);
  }
  return app;
}

/** The whole API: a request id and security headers on every answer, each /api/v1 section behind the same middleware, and the docs page. */
export const app = new Hono<AppEnv>();
app.onError(onError);
app.notFound(notFound);
app.use('*', correlation, secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
app.all('/api/v1/*', async (c) => (await sectionApp(c.req.path)).fetch(c.req.raw, c.env));
app.get('/api/docs', async (c) => {
  const [{ renderDocs }, routes] = await Promise.all([import('./routes/platform/docs'), documentedRoutes()]);
  return c.html(renderDocs(routes.getOpenAPI31Document(OPENAPI_INFO)));
});
