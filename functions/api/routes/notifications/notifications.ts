import { z } from '@hono/zod-openapi';
import { PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { NotificationPageSchema, NotificationSchema, UnreadCountSchema } from '../../../../shared/modules/notifications/schemas/notification.schema';
import { notificationService } from '../../../../shared/modules/notifications/services/notification.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, json, router } from '../route-kit';

const NotificationIdParamSchema = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }),
});

export const notificationRoutes = router()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/notifications',
      tags: ['Notifications'],
      summary: "The caller's own notifications, newest first, with the unread count (staff)",
      request: { query: PageQuerySchema },
      responses: { 200: json(NotificationPageSchema) },
    }),
    async (c) => c.json(await notificationService.list(requireCaller(c).actor, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/notifications/unread-count', tags: ['Notifications'], summary: "The caller's unread count (what the bell polls)", responses: { 200: json(UnreadCountSchema) } }),
    async (c) => c.json(await notificationService.unread(requireCaller(c).actor), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/notifications/read-all',
      tags: ['Notifications'],
      summary: 'Mark all of the caller’s notifications read (one write, however many)',
      responses: { 200: json(UnreadCountSchema) },
    }),
    async (c) => c.json(await notificationService.markAllRead(requireCaller(c).actor), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/notifications/{id}/read',
      tags: ['Notifications'],
      summary: 'Mark one of the caller’s notifications read (again: no change; another person’s: 404)',
      request: { params: NotificationIdParamSchema },
      responses: { 200: json(NotificationSchema) },
    }),
    async (c) => c.json(await notificationService.markRead(requireCaller(c).actor, c.req.valid('param').id), 200),
  );
