import { z } from '@hono/zod-openapi';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../../../shared/platform/config';
import { dynamo } from '../../../../shared/platform/db/client';
import { defineRoute, json, router } from '../route-kit';

const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'unreachable']) }).openapi('Health');

export const healthRoutes = router().openapi(
  defineRoute({ method: 'get', path: '/health', tags: ['Health'], summary: 'Liveness and database reachability', responses: { 200: json(HealthSchema), 503: json(HealthSchema, 'Database unreachable') } }),
  async (c) => {
    try {
      await dynamo().send(new GetCommand({ TableName: config().tableName, Key: { pk: 'health', sk: 'health' } }));
      return c.json({ status: 'ok' as const, db: 'ok' as const }, 200);
    } catch {
      return c.json({ status: 'degraded' as const, db: 'unreachable' as const }, 503);
    }
  },
);
