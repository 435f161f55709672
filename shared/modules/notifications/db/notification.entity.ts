import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { NOTIFICATION_KINDS, NOTIFIED_RECORD_TYPES } from '../domain/notification';

/**
 * One notification of one person, in that person's partition under an id derived from its
 * cause: writing it only where none exists makes a replayed cause write nothing.
 */
export const NotificationEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'notification', version: '1', service: 'relasi' },
    attributes: {
      recipientId: { type: 'string', required: true, readOnly: true },
      notificationId: { type: 'string', required: true, readOnly: true },
      kind: { type: NOTIFICATION_KINDS, required: true, readOnly: true },
      recordType: { type: NOTIFIED_RECORD_TYPES, required: true, readOnly: true },
      recordId: { type: 'string', required: true, readOnly: true },
      recordTitle: { type: 'string', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      readAt: { type: 'string' },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['recipientId'] },
        sk: { field: 'sk', composite: ['notificationId'] },
      },
      /** A person's notifications, newest first (the bell's list). */
      byRecipient: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['recipientId'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'notificationId'] },
      },
    },
  }),
);

export type NotificationRow = EntityItem<ReturnType<typeof NotificationEntity>>;

/**
 * A person's unread count, kept with every write (never counted), and the moment they last
 * marked everything read: a notification created before it counts as read.
 */
export const NotificationCounterEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'notificationCounter', version: '1', service: 'relasi' },
    attributes: {
      recipientId: { type: 'string', required: true, readOnly: true },
      unread: { type: 'number', required: true, default: 0 },
      readAllAt: { type: 'string' },
    },
    indexes: {
      byRecipient: {
        pk: { field: 'pk', composite: ['recipientId'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);

export type NotificationCounterRow = EntityItem<ReturnType<typeof NotificationCounterEntity>>;
