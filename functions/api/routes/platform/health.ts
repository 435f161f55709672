import { z } from '@hono/zod-openapi';
import { tableReachable } from '../../../../shared/platform/health';
import { defineRoute, json, router } from '../route-kit';

const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'unreachable']) }).openapi('Health');

export const healthRoutes = router().openapi(
  defineRoute({ method: 'get', path: '/health', tags: ['Health'], summary: 'Liveness and database reachability', responses: { 200: json(HealthSchema), 503: json(HealthSchema, 'Database unreachable') } }),
  async (c) =>
    (await tableReachable()) ? c.json({ status: 'ok' as const, db: 'ok' as const }, 200) : c.json({ status: 'degraded' as const, db: 'unreachable' as const }, 503),
);
