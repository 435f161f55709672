import { attachmentObjectKey, ticketAttachmentRepository } from '../db/ticket-attachment.repository';
import { objectStore } from '../../../platform/storage/s3-client';
import { PermanentWorkError, type WorkKind } from '../../../platform/work/work-runner';

/**
 * Uploads no message took: a pending attachment record is the unit of its own clean-up, due
 * when the upload expires; the sweep takes it then. The bytes go first, then the record, while
 * the claim holds. A message links an upload only while its clean-up is pending, so a file being
 * deleted is never linked and a linked one never deleted. Deleting twice is harmless, so a
 * clean-up whose worker vanished is simply done again.
 */
export const attachmentCleanupWork: WorkKind = {
  entity: 'ticketAttachment',
  patch: (item) => ticketAttachmentRepository.patch(String(item.ticketId), String(item.attachmentId)),
  due: (state, now, limit) => ticketAttachmentRepository.due(state, now, limit),
  leaseMs: 60_000,
  retakeExpired: true,
  scheduled: true,
  async run(item, claim) {
    const { ticketId, attachmentId } = item;
    if (typeof ticketId !== 'string' || typeof attachmentId !== 'string') throw new PermanentWorkError('malformed attachment record');
    await objectStore.delete(attachmentObjectKey(ticketId, attachmentId));
    await ticketAttachmentRepository.removeCleared(ticketId, attachmentId, claim);
  },
};
