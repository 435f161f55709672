import { z } from '@hono/zod-openapi';
import { NOTIFICATION_KINDS, NOTIFIED_RECORD_TYPES } from '../domain/notification';

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    record: z.object({
      type: z.enum(NOTIFIED_RECORD_TYPES),
      id: z.string(),
      title: z.string().openapi({ description: "The record's name (an activity's subject for a reminder)" }),
    }),
    createdAt: z.string().openapi({ description: 'ISO 8601 UTC' }),
    readAt: z.string().nullable().openapi({ description: 'When it was read (or everything marked read); null while unread' }),
  })
  .openapi('Notification');
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = z
  .object({
    items: z.array(NotificationSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int().openapi({ description: "The caller's unread notifications in all (the bell's count)" }),
  })
  .openapi('NotificationPage');

export const UnreadCountSchema = z.object({ unread: z.number().int() }).openapi('NotificationUnreadCount');
