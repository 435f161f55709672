import { createHash } from 'node:crypto';
import type { Page } from '../../../platform/page';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import type { NotificationDraft } from '../domain/notification';
import { NotificationCounterEntity, NotificationEntity, type NotificationCounterRow, type NotificationRow } from './notification.entity';

/** The id of the notification a cause makes: the same cause, the same id (and key). */
export function notificationIdOf(cause: string): string {
  return createHash('sha256').update(cause).digest('base64url').slice(0, 26);
}

export const notificationRepository = {
  /**
   * The writes of a new notification: the item, only where none with its id exists (a replayed
   * cause fails here and writes nothing), and one more unread, unless everything was marked read
   * after `createdAt` (then the transaction is cancelled and the cause retried with a later time).
   */
  createOperations(draft: NotificationDraft, createdAt: string) {
    const notificationId = notificationIdOf(draft.cause);
    return [
      op.put(NotificationEntity().create({ recipientId: draft.recipientId, notificationId, kind: draft.kind, recordType: draft.record.type, recordId: draft.record.id, recordTitle: draft.record.title.slice(0, 300), createdAt }).params()),
      op.update(NotificationCounterEntity().update({ recipientId: draft.recipientId }).add({ unread: 1 })
        .where((attr, { notExists, lt }) => `${notExists(attr.readAllAt)} OR ${lt(attr.readAllAt, createdAt)}`).params()),
    ];
  },

  async get(recipientId: string, notificationId: string): Promise<NotificationRow | undefined> {
    const { data } = await NotificationEntity().get({ recipientId, notificationId }).go();
    return data ?? undefined;
  },

  async counter(recipientId: string): Promise<NotificationCounterRow | undefined> {
    const { data } = await NotificationCounterEntity().get({ recipientId }).go();
    return data ?? undefined;
  },

  /** A person's notifications, newest first: one Query in their partition of the index. */
  byRecipient(recipientId: string, request: PageRequest): Promise<Page<NotificationRow>> {
    return queryPage(request, (options) => NotificationEntity().query.byRecipient({ recipientId }).go({ ...options, order: 'desc' }), (row) => row);
  },

  /** Marks one unread notification read and counts one fewer unread, as long as nothing marked everything read meanwhile. */
  markReadOperations(row: NotificationRow, readAt: string, readAllAt: string | undefined) {
    return [
      op.update(NotificationEntity().patch({ recipientId: row.recipientId, notificationId: row.notificationId }).set({ readAt })
        .where((attr, { notExists }) => notExists(attr.readAt)).params()),
      op.update(NotificationCounterEntity().patch({ recipientId: row.recipientId }).add({ unread: -1 })
        .where((attr, { eq, notExists }) => (readAllAt ? eq(attr.readAllAt, readAllAt) : notExists(attr.readAllAt))).params()),
    ];
  },

  /** Everything read as of `at`: no unread left, and whatever was created before counts as read. */
  async markAllRead(recipientId: string, at: string): Promise<void> {
    await NotificationCounterEntity().update({ recipientId }).set({ unread: 0, readAllAt: at }).go();
  },
};
