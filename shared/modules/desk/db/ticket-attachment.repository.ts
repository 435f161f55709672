import type { MessageVisibility } from '../domain/service-vocabulary';
import { addMs, nowIso } from '../../../platform/clock';
import { BUCKET_PREFIXES } from '../../../platform/storage/s3-client';
import { op } from '../../../platform/db/transaction';
import { type Claim, dueUnits, heldBy, newWork, type WorkPatch, type WorkState } from '../../../platform/work/work-unit';
import { TicketAttachmentEntity, type TicketAttachmentRow } from './ticket-attachment.entity';

/** What a file is, as announced (an upload) or as it came (a file of an e-mail). */
type AttachmentFile = Pick<TicketAttachmentRow, 'ticketId' | 'attachmentId' | 'name' | 'size' | 'contentType' | 'uploadedBy'>;

/** An upload no message took within a day is cleared away. */
const UPLOAD_WAITS_MS = 24 * 60 * 60_000;

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

export const ticketAttachmentRepository = {
  /**
   * Migration: uploads announced before their clean-up was a unit of work (they relied on a TTL,
   * which DynamoDB Local never runs) get a pending clean-up, due a day after their announcement.
   */
  async scheduleUntrackedCleanups(): Promise<number> {
    const { data } = await TicketAttachmentEntity().scan.where((attr, { eq, notExists }) => `${eq(attr.status, 'pending')} AND ${notExists(attr.workState)}`)
      .go({ pages: 'all' });
    for (const row of data) {
      await TicketAttachmentEntity().patch({ ticketId: row.ticketId, attachmentId: row.attachmentId })
        .set({ ...newWork(), workDueAt: addMs(row.createdAt, UPLOAD_WAITS_MS) })
        .go();
    }
    return data.length;
  },

  /** Record an announced upload as pending (never over an existing one), its clean-up due when it expires. */
  async createPending(file: AttachmentFile): Promise<TicketAttachmentRow> {
    const now = nowIso();
    const pending: TicketAttachmentRow = { ...file, status: 'pending', createdAt: now, ...newWork(now), workDueAt: addMs(now, UPLOAD_WAITS_MS) };
    await TicketAttachmentEntity().create(pending).go();
    return pending;
  },

  /**
   * Record attachments that arrive already on their message (inbound mail), with nothing to
   * clean up. Puts, so doing it again for the same ids (a retried mail) changes nothing.
   */
  async putLinked(files: Array<AttachmentFile & { messageId?: string; visibility: MessageVisibility }>): Promise<void> {
    if (files.length === 0) return;
    const at = nowIso();
    const rows = files.map((file): TicketAttachmentRow => ({ ...file, status: 'linked', createdAt: at, linkedAt: at, workState: 'done', workAttempts: 0, workDueAt: at }));
    const { unprocessed } = await TicketAttachmentEntity().put(rows).go();
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} attachment records were not written (throttled); the mail is retried`);
  },

  async get(ticketId: string, attachmentId: string): Promise<TicketAttachmentRow | undefined> {
    const { data } = await TicketAttachmentEntity().get({ ticketId, attachmentId }).go();
    return data ?? undefined;
  },

  /** Several attachments of one ticket in one round trip (missing ones are left out). */
  async getMany(ticketId: string, attachmentIds: string[]): Promise<TicketAttachmentRow[]> {
    if (attachmentIds.length === 0) return [];
    const { data } = await TicketAttachmentEntity().get(attachmentIds.map((attachmentId) => ({ ticketId, attachmentId }))).go();
    return data;
  },

  /**
   * Put a pending attachment on a message with the key of its kept copy, its clean-up done,
   * only while it is pending and its clean-up has not begun: of two messages racing for one
   * upload one gets it, and a file the clean-up is deleting is never linked.
   */
  linkOperation(ticketId: string, attachmentId: string, messageId: string, visibility: MessageVisibility, fileKey: string) {
    const at = nowIso();
    return op.update(
      TicketAttachmentEntity().patch({ ticketId, attachmentId })
        .set({ status: 'linked', messageId, visibility, fileKey, linkedAt: at, workState: 'done', workDueAt: at })
        .where((attr, { eq }) => `${eq(attr.status, 'pending')} AND ${eq(attr.workState, 'pending')}`)
        .params(),
    );
  },

  /** The update of one upload's clean-up state. */
  patch(ticketId: string, attachmentId: string): WorkPatch {
    return TicketAttachmentEntity().patch({ ticketId, attachmentId });
  },

  /** Clean-ups in `state` due by `now` (see shared/platform/work/work-unit.ts), as stored: what the stream hands over too. */
  due(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(TicketAttachmentEntity().query.workDue({ workState: state }), now, limit);
  },

  /** The record of a cleared-away upload goes, while `claim` on its clean-up holds. */
  async removeCleared(ticketId: string, attachmentId: string, claim: Claim): Promise<void> {
    await TicketAttachmentEntity().delete({ ticketId, attachmentId }).where(heldBy(claim)).go();
  },
};
