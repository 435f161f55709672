import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { ATTACHMENT_STATUSES, MESSAGE_VISIBILITIES } from '../domain/service-vocabulary';
import { workAttributes, workDueIndex } from '../../../platform/work/work-unit';

/**
 * A file of a ticket, in the ticket's partition. An upload goes to
 * `attachments/<ticketId>/<attachmentId>` (the presigned PUT's key); the message that takes it
 * keeps a copy under `fileKey`, which no presigned PUT was ever issued for. A linked attachment
 * carries its message's visibility, so a download is decided from this item alone. A pending
 * one is also the unit of its own clean-up (shared/platform/work/work-unit.ts), due when the upload expires:
 * the sweep then deletes the bytes and the record, unless a message took it first (which marks
 * the unit done). A linked one has nothing left to clean up and never goes.
 */
export const TicketAttachmentEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'ticketAttachment', version: '1', service: 'relasi' },
    attributes: {
      ticketId: { type: 'string', required: true, readOnly: true },
      attachmentId: { type: 'string', required: true, readOnly: true },
      name: { type: 'string', required: true, readOnly: true },
      size: { type: 'number', required: true, readOnly: true },
      contentType: { type: 'string', required: true, readOnly: true },
      status: { type: ATTACHMENT_STATUSES, required: true },
      /** The user who announced the upload; only they may reference it. */
      uploadedBy: { type: 'string', required: true, readOnly: true },
      messageId: { type: 'string' },
      /**
       * Where the bytes of a linked attachment are. Absent: under the upload key, as for files
       * that came with an e-mail (never presigned) and those linked before copies were kept.
       */
      fileKey: { type: 'string' },
      visibility: { type: MESSAGE_VISIBILITIES },
      createdAt: { type: 'string', required: true, readOnly: true },
      linkedAt: { type: 'string' },
      ...workAttributes,
    },
    indexes: {
      byTicket: {
        pk: { field: 'pk', composite: ['ticketId'] },
        sk: { field: 'sk', composite: ['attachmentId'] },
      },
      workDue: workDueIndex,
    },
  }),
);

export type TicketAttachmentRow = EntityItem<ReturnType<typeof TicketAttachmentEntity>>;
