import type { Attachment } from '../../schemas/ticket.schema';
import type { MessageVisibility } from '../../domain/service/service-vocabulary';
import { epochSeconds, nowIso } from '../../domain/clock';
import type { AttachmentStatus } from '../entities/ticket-attachment.entity';
import { BUCKET_PREFIXES } from '../../services/storage/s3-client';
import { db } from '../service';
import { op } from '../transaction';

export type TicketAttachmentRow = {
  ticketId: string;
  attachmentId: string;
  name: string;
  size: number;
  contentType: string;
  status: AttachmentStatus;
  uploadedBy: string;
  messageId?: string;
  fileKey?: string;
  visibility?: MessageVisibility;
  createdAt: string;
  linkedAt?: string;
  expiresAt?: number;
};

/** An upload nobody referenced within a day is forgotten. */
const PENDING_SECONDS = 24 * 60 * 60;

/** Where an attachment is uploaded to (the presigned PUT's key), and where the files of inbound mail are stored. */
export function attachmentObjectKey(ticketId: string, attachmentId: string): string {
  return `${BUCKET_PREFIXES.attachments}${ticketId}/${attachmentId}`;
}

/**
 * Where a message keeps its copy of an upload: a key of its own (`copyId` is new for every
 * take), never presigned, so the file cannot change after it was posted and a second take
 * racing the first cannot overwrite it.
 */
export function keptObjectKey(ticketId: string, attachmentId: string, copyId: string): string {
  return `${attachmentObjectKey(ticketId, attachmentId)}/${copyId}`;
}

/** Where the bytes a download serves are: a message's copy, else the upload key (a pending upload, a file of inbound mail, a file linked before copies were kept). */
export function storedObjectKey(row: Pick<TicketAttachmentRow, 'ticketId' | 'attachmentId' | 'fileKey'>): string {
  return row.fileKey ?? attachmentObjectKey(row.ticketId, row.attachmentId);
}

/** The reference a message keeps of an attachment. */
export function toAttachmentRef(row: Pick<TicketAttachmentRow, 'attachmentId' | 'name' | 'size' | 'contentType'>): Attachment {
  return { id: row.attachmentId, name: row.name, size: row.size, contentType: row.contentType };
}

export const ticketAttachmentRepository = {
  /** Record an announced upload as pending (never over an existing one). */
  async createPending(row: Omit<TicketAttachmentRow, 'status' | 'createdAt' | 'expiresAt'>): Promise<TicketAttachmentRow> {
    const pending: TicketAttachmentRow = { ...row, status: 'pending', createdAt: nowIso(), expiresAt: epochSeconds() + PENDING_SECONDS };
    await db().entities.ticketAttachment.create(pending).go();
    return pending;
  },

  /**
   * Record attachments that arrive already on their message (inbound mail). Puts, so doing it
   * again for the same ids (a retried mail) changes nothing.
   */
  async putLinked(rows: Array<Pick<TicketAttachmentRow, 'ticketId' | 'attachmentId' | 'name' | 'size' | 'contentType' | 'uploadedBy' | 'messageId'> & { visibility: MessageVisibility }>): Promise<void> {
    if (rows.length === 0) return;
    const at = nowIso();
    const { unprocessed } = await db().entities.ticketAttachment.put(rows.map((row) => ({ ...row, status: 'linked' as const, createdAt: at, linkedAt: at }))).go();
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} attachment records were not written (throttled); the mail is retried`);
  },

  async get(ticketId: string, attachmentId: string): Promise<TicketAttachmentRow | undefined> {
    const { data } = await db().entities.ticketAttachment.get({ ticketId, attachmentId }).go();
    return (data as TicketAttachmentRow | null) ?? undefined;
  },

  /** Several attachments of one ticket in one round trip (missing ones are left out). */
  async getMany(ticketId: string, attachmentIds: string[]): Promise<TicketAttachmentRow[]> {
    if (attachmentIds.length === 0) return [];
    const { data } = await db().entities.ticketAttachment.get(attachmentIds.map((attachmentId) => ({ ticketId, attachmentId }))).go();
    return data as TicketAttachmentRow[];
  },

  /**
   * Put a pending attachment on a message with the key of its kept copy, only while it is
   * still pending (of two messages racing for one upload, one gets it); it no longer expires.
   */
  linkOperation(ticketId: string, attachmentId: string, messageId: string, visibility: MessageVisibility, fileKey: string) {
    return op.update(
      db()
        .entities.ticketAttachment.patch({ ticketId, attachmentId })
        .set({ status: 'linked', messageId, visibility, fileKey, linkedAt: nowIso() })
        .remove(['expiresAt'])
        .where((attr, { eq }) => eq(attr.status, 'pending'))
        .params(),
    );
  },
};
