import type { Attachment } from '../schemas/ticket.schema';
import { ATTACHMENT_CONTENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE, type AttachmentUpload, type AttachmentUploadCreate } from '../schemas/ticket-attachment.schema';
import type { Actor } from '../../identity/domain/identity';
import type { MessageVisibility } from '../domain/service-vocabulary';
import { ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, DomainError, NotFoundError } from '../../../platform/errors';
import { newId } from '../../../platform/db/keys';
import type { op } from '../../../platform/db/transaction';
import { logger } from '../../../platform/logger';
import { attachmentObjectKey, keptObjectKey, storedObjectKey, ticketAttachmentRepository } from '../db/ticket-attachment.repository';
import type { TicketAttachmentRow } from '../db/ticket-attachment.entity';
import { objectStore, type SignedUrl } from '../../../platform/storage/s3-client';
import { toAttachmentRef } from './desk-views';
import { reachTicket } from './ticket-access';

/** Presigned URLs work for five minutes: long enough to start a transfer, too short to pass around. */
const URL_SECONDS = 5 * 60;

type TransactItem = ReturnType<typeof op.put>;

/** Why a file cannot be attached, or undefined when it can: the 413/415 the API answers. */
export function attachmentProblem(file: { size: number; contentType: string }): DomainError | undefined {
  if (file.size > MAX_ATTACHMENT_BYTES) return new DomainError('too_large', 'attachment_too_large', `A file may be at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB.`);
  if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(file.contentType.toLowerCase())) return new DomainError('unsupported_media_type', 'attachment_type_not_allowed', `Files of type ${file.contentType} cannot be attached; allowed: ${ATTACHMENT_CONTENT_TYPES.join(', ')}.`);
  return undefined;
}

/** Whether the caller may download this attachment of a ticket it reaches (else it looks missing). */
function downloadable(actor: Actor, row: TicketAttachmentRow): boolean {
  if (row.status === 'pending') return row.uploadedBy === actor.userId;
  return row.visibility === 'public' || ticketPolicy.readInternal(actor);
}

/** Uploading and downloading ticket files: the API's use cases. Files are reached exactly like their ticket (a foreign ticket is 404 like a missing one). */
export const ticketAttachmentService = {
  /** Announce an upload: a pending attachment and a presigned PUT for exactly this size and type. */
  async createUpload(actor: Actor, ticketId: string, input: AttachmentUploadCreate): Promise<AttachmentUpload> {
    const { ticket, wide } = await reachTicket(actor, ticketId);
    enforce(ticketPolicy.post(actor, ticket, wide, 'public'), 'Ticket');
    if (ticket.status === 'closed') throw new BusinessRuleError('ticket_closed', 'The ticket is closed; open a new one.');
    const problem = attachmentProblem(input);
    if (problem) throw problem;
    const contentType = input.contentType.toLowerCase();
    const row = await ticketAttachmentRepository.createPending({ ticketId, attachmentId: newId(), name: input.name, size: input.size, contentType, uploadedBy: actor.userId });
    const upload = await objectStore.presignPut(attachmentObjectKey(ticketId, row.attachmentId), contentType, input.size, URL_SECONDS);
    return { attachmentId: row.attachmentId, uploadUrl: upload.url, headers: upload.headers, expiresAt: upload.expiresAt };
  },

  /** A presigned download (attachment disposition, the file's name) of a file the caller may see. */
  async download(actor: Actor, ticketId: string, attachmentId: string): Promise<SignedUrl> {
    await reachTicket(actor, ticketId);
    const row = await ticketAttachmentRepository.get(ticketId, attachmentId);
    if (!row || !downloadable(actor, row)) throw new NotFoundError('Attachment');
    return objectStore.presignGet(storedObjectKey(row), row.name, row.contentType, URL_SECONDS);
  },
};

/** The uploads a message takes: their references, the operations that link them, and what to do with the bytes once the message is (or is not) posted. */
export type TakenUploads = {
  attachments: Attachment[];
  /** The operations that put them on the message, for its transaction; they fail if another message took one or its clean-up began meanwhile. */
  link(messageId: string, visibility: MessageVisibility): TransactItem[];
  /** Throws what the message is refused for when one of them can no longer be taken: asked once its transaction was cancelled, as retrying cannot mend that. */
  stillTakeable(): Promise<void>;
  /** The message is posted: the upload keys go (the copies are what the message holds). */
  posted(): Promise<void>;
  /** The message was not posted: its copies go. */
  abandoned(): Promise<void>;
};

/** Delete objects, logging what could not be deleted: the caller's outcome stands either way, at worst an orphan stays. */
async function removeQuietly(keys: string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => objectStore.delete(key)));
  results.forEach((result, i) => {
    if (result.status === 'rejected') logger.error('attachment object not deleted', { key: keys[i], error: String(result.reason) });
  });
}

/** The uploads a message of the caller's may take: each announced by the caller on this ticket, no message took it and its clean-up has not begun. */
async function waitingUploads(actor: Actor, ticketId: string, ids: string[]): Promise<TicketAttachmentRow[]> {
  const rows = new Map((await ticketAttachmentRepository.getMany(ticketId, ids)).map((row) => [row.attachmentId, row]));
  return ids.map((id) => {
    const row = rows.get(id);
    if (!row || row.status !== 'pending' || row.uploadedBy !== actor.userId) throw new BusinessRuleError('unknown_attachment', `There is no upload ${id} of yours waiting on this ticket.`);
    // No message took it within a day: its bytes are being deleted.
    if (row.workState !== 'pending') throw new BusinessRuleError('attachment_not_uploaded', `${row.name} is no longer uploaded: no message took it in time. Upload it again.`);
    return row;
  });
}

/**
 * The uploads a new message references, checked and copied: each announced by the caller on
 * this ticket and still pending, then copied to a key of the message's own (the presigned PUT
 * keeps working for its five minutes, so the upload key could be written again after the
 * message is posted; the copy cannot) and the copy checked to hold the announced size (the
 * presigned PUT signs the length; this holds even where the store does not verify signatures).
 */
export async function takeUploads(actor: Actor, ticketId: string, attachmentIds: string[]): Promise<TakenUploads> {
  const ids = [...new Set(attachmentIds)];
  if (ids.length > MAX_ATTACHMENTS_PER_MESSAGE) throw new BusinessRuleError('too_many_attachments', `A message takes at most ${MAX_ATTACHMENTS_PER_MESSAGE} files.`);
  const taken = (await waitingUploads(actor, ticketId, ids)).map((row) => ({ row, uploadKey: attachmentObjectKey(ticketId, row.attachmentId), keptKey: keptObjectKey(ticketId, row.attachmentId, newId()) }));
  const copiedSizes = await Promise.allSettled(taken.map(async ({ uploadKey, keptKey }) => ((await objectStore.copy(uploadKey, keptKey)) ? objectStore.sizeOf(keptKey) : undefined)));
  const copies = taken.map(({ keptKey }) => keptKey);
  try {
    copiedSizes.forEach((result, i) => {
      if (result.status === 'rejected') throw result.reason;
      const { row } = taken[i]!;
      if (result.value === undefined) throw new BusinessRuleError('attachment_not_uploaded', `${row.name} has not been uploaded yet.`);
      if (result.value !== row.size) throw new BusinessRuleError('attachment_size_mismatch', `${row.name} was announced as ${row.size} bytes but ${result.value} were uploaded.`);
    });
  } catch (error) {
    await removeQuietly(copies);
    throw error;
  }
  return {
    attachments: taken.map(({ row }) => toAttachmentRef(row)),
    link: (messageId, visibility) => taken.map(({ row, keptKey }) => ticketAttachmentRepository.linkOperation(ticketId, row.attachmentId, messageId, visibility, keptKey)),
    stillTakeable: async () => {
      await waitingUploads(actor, ticketId, ids);
    },
    posted: () => removeQuietly(taken.map(({ uploadKey }) => uploadKey)),
    abandoned: () => removeQuietly(copies),
  };
}
