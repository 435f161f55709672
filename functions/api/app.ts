import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { csrf } from './middleware/csrf';
import { notFound, onError, validationHook } from './middleware/errors';
import { idempotency } from './middleware/idempotency';
import { limitBody, requireJson } from './middleware/request-guards';
import { session } from './middleware/session';
import { accountRoutes } from './routes/accounts';
import { activityRoutes } from './routes/activities';
import { opportunityRoutes } from './routes/opportunities';
import { pipelineRoutes } from './routes/pipeline';
import { authRoutes } from './routes/auth';
import { companyRoutes } from './routes/company';
import { contactRoutes } from './routes/contacts';
import { renderDocs } from './routes/docs';
import { healthRoutes } from './routes/health';
import { leadRoutes } from './routes/leads';
import { userRoutes } from './routes/users';
import { productRoutes } from './routes/products';
import { quoteRoutes } from './routes/quotes';
import { orderRoutes } from './routes/orders';
import { invoiceRoutes } from './routes/invoices';

const OPENAPI_INFO: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Relasi API',
    version: '1.0.0',
    description: 'One API for the staff, customer, partner and investor portals. Errors: `{error:{code,message,details?}}`. Lists: `?limit=&cursor=` → `{items, nextCursor}`. Writes: `If-Match` on PATCH/DELETE, `Idempotency-Key` on POST.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ session: [] }, { bearer: [] }],
};

// Mounted one by one, not chained: a chained type of every route makes the compiler crawl,
// and the portals use their own typed client built on shared/schemas.
const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
for (const routes of [healthRoutes, authRoutes, userRoutes, accountRoutes, contactRoutes, companyRoutes, pipelineRoutes, opportunityRoutes, activityRoutes, leadRoutes, productRoutes, quoteRoutes, orderRoutes, invoiceRoutes] as OpenAPIHono<AppEnv>[]) {
  v1.route('/', routes);
}

v1.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'relasi_<portal>' });
v1.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
v1.doc31('/openapi.json', OPENAPI_INFO);

/** The whole API: middleware in the order a request meets it, then the versioned routes. */
export const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
app.onError(onError);
app.notFound(notFound);
app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
app.use('/api/v1/*', limitBody, requireJson, session, csrf, idempotency);
app.route('/api/v1', v1);
app.get('/api/docs', (c) => c.html(renderDocs(v1.getOpenAPI31Document(OPENAPI_INFO))));
