import type { Actor } from '../../identity/domain/identity';
import { enforce } from '../../../platform/access';
import { nowIso } from '../../../platform/clock';
import { isCancelled, transact } from '../../../platform/db/transaction';
import { NotFoundError } from '../../../platform/errors';
import type { Notification } from '../schemas/notification.schema';
import type { NotificationRow } from '../db/notification.entity';
import { notificationRepository } from '../db/notification.repository';
import { notificationsPolicy } from '../policy';

/** Read: marked read one by one, or created before everything was marked read. */
function toView(row: NotificationRow, readAllAt: string | undefined): Notification {
  const readAt = row.readAt ?? (readAllAt && row.createdAt <= readAllAt ? readAllAt : null);
  return { id: row.notificationId, kind: row.kind, record: { type: row.recordType, id: row.recordId, title: row.recordTitle }, createdAt: row.createdAt, readAt };
}

/** A person's bell: their notifications newest first, the unread count, marking read. */
export const notificationService = {
  /** The caller's notifications, newest first, with their unread count. */
  async list(actor: Actor, page: { limit: number; cursor?: string }) {
    enforce(notificationsPolicy.use(actor), 'Notification');
    const [rows, counter] = await Promise.all([
      notificationRepository.byRecipient(actor.userId, { ...page, callerId: actor.userId, list: 'notifications' }),
      notificationRepository.counter(actor.userId),
    ]);
    return { items: rows.items.map((row) => toView(row, counter?.readAllAt)), nextCursor: rows.nextCursor, unread: Math.max(0, counter?.unread ?? 0) };
  },

  /** The caller's unread count: one read of one item, whatever the number of notifications. */
  async unread(actor: Actor): Promise<{ unread: number }> {
    enforce(notificationsPolicy.use(actor), 'Notification');
    const counter = await notificationRepository.counter(actor.userId);
    return { unread: Math.max(0, counter?.unread ?? 0) };
  },

  /** Marks one of the caller's notifications read (again: no change); another's is not found. */
  async markRead(actor: Actor, notificationId: string): Promise<Notification> {
    enforce(notificationsPolicy.use(actor), 'Notification');
    for (let attempt = 0; ; attempt++) {
      const [row, counter] = await Promise.all([notificationRepository.get(actor.userId, notificationId), notificationRepository.counter(actor.userId)]);
      if (!row) throw new NotFoundError('Notification');
      const view = toView(row, counter?.readAllAt);
      if (view.readAt) return view;
      const readAt = nowIso();
      try {
        await transact(notificationRepository.markReadOperations(row, readAt, counter?.readAllAt));
        return { ...view, readAt };
      } catch (error) {
        // Marked read, or everything marked read, meanwhile: read again and answer what is.
        if (!isCancelled(error) || attempt >= 2) throw error;
      }
    }
  },

  /** Marks every notification of the caller read: one write, however many there are. */
  async markAllRead(actor: Actor): Promise<{ unread: number }> {
    enforce(notificationsPolicy.use(actor), 'Notification');
    await notificationRepository.markAllRead(actor.userId, nowIso());
    return { unread: 0 };
  },
};
