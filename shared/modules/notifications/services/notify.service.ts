import { config } from '../../../platform/config';
import { nowIso } from '../../../platform/clock';
import { isCancelled, op, transact, TransactionConflict } from '../../../platform/db/transaction';
import { outboxRepository } from '../../../platform/mail/outbox.repository';
import { userRepository } from '../../identity/db/user.repository';
import { recordPath, type NotificationDraft } from '../domain/notification';
import { mailOfKind } from '../domain/notifications-mails';
import { notificationRepository } from '../db/notification.repository';

type TransactItem = ReturnType<typeof op.put>;

/** The staff page of a notification's record, as a full link (mails). */
export const staffLink = (draft: NotificationDraft) => `${config().portalUrls.staff}${recordPath(draft.record.type, draft.record.id)}`;

/**
 * Tells one person once: the notification, one more unread and the e-mail of its kind (in the
 * person's language) in one transaction, with `also` (the finish of the work unit that caused it).
 * `created`: false when the cause was seen before (nothing written, `also` left to the caller)
 * or the recipient is no active user.
 */
export async function notify(draft: NotificationDraft, options: { message?: string; also?: TransactItem[] } = {}): Promise<{ created: boolean }> {
  const recipient = await userRepository.get(draft.recipientId);
  if (!recipient || recipient.status !== 'active') return { created: false };
  const template = mailOfKind(draft.kind);
  const mail = template
    ? [op.put(outboxRepository.mailOperation(recipient.email, template, recipient.locale, { name: recipient.name, title: draft.record.title, url: staffLink(draft), ...(options.message ? { message: options.message } : {}) }))]
    : [];
  try {
    await transact([...notificationRepository.createOperations(draft, nowIso()), ...mail, ...(options.also ?? [])]);
    return { created: true };
  } catch (error) {
    // Index 0 is the notification's own put: it exists, so this cause was told before.
    if (error instanceof TransactionConflict && error.failedIndexes.includes(0)) return { created: false };
    if (isCancelled(error)) throw new Error('notification: a concurrent change; the cause is retried', { cause: error });
    throw error;
  }
}
