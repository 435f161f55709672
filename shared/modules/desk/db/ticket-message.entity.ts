import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { MESSAGE_AUTHOR_TYPES, MESSAGE_CHANNELS, MESSAGE_VISIBILITIES } from '../domain/service-vocabulary';
import type { AttachmentRef } from '../domain/ticket';

/**
 * One message of a ticket's conversation, in the ticket's partition. Public messages are also
 * on a sparse index: the customer's list is a Query there, so an internal note cannot even be
 * reached by a customer's key.
 */
export const TicketMessageEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'ticketMessage', version: '1', service: 'relasi' },
    attributes: {
      ticketId: { type: 'string', required: true, readOnly: true },
      messageId: { type: 'string', required: true, readOnly: true },
      /** Plain text, stored as written. */
      body: { type: 'string', required: true, readOnly: true },
      visibility: { type: MESSAGE_VISIBILITIES, required: true, readOnly: true },
      authorId: { type: 'string', required: true, readOnly: true },
      authorName: { type: 'string', required: true, readOnly: true },
      authorType: { type: MESSAGE_AUTHOR_TYPES, required: true, readOnly: true },
      channel: { type: MESSAGE_CHANNELS, required: true, readOnly: true },
      attachments: { type: CustomAttributeType<AttachmentRef[]>('any'), required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
    },
    indexes: {
      byTicket: {
        pk: { field: 'pk', composite: ['ticketId'] },
        sk: { field: 'sk', composite: ['createdAt', 'messageId'] },
      },
      publicByTicket: {
        index: 'gsi1',
        condition: (attr) => attr.visibility === 'public',
        pk: { field: 'gsi1pk', composite: ['ticketId'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'messageId'] },
      },
    },
  }),
);

export type TicketMessageRow = EntityItem<ReturnType<typeof TicketMessageEntity>>;
