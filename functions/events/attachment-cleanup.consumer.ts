import { attachmentObjectKey } from '../../shared/db/repositories/ticket-attachment.repository';
import { objectStore } from '../../shared/services/storage/s3-client';

/** ElectroDB's entity marker on ticket attachments (shared/db/entities/ticket-attachment.entity.ts). */
export const TICKET_ATTACHMENT_ENTITY = 'ticketAttachment';

/**
 * The bytes of an upload no message took: when its pending record goes (its TTL ran out a day
 * after the announcement), the object goes too. Linked attachments never expire, so their
 * records are never removed this way.
 */
export async function dropUnlinkedUpload(oldItem: Record<string, unknown>): Promise<void> {
  if (oldItem.status !== 'pending' || typeof oldItem.ticketId !== 'string' || typeof oldItem.attachmentId !== 'string') return;
  await objectStore.delete(attachmentObjectKey(oldItem.ticketId, oldItem.attachmentId));
}
