import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { INBOUND_MAIL_OUTCOMES } from '../domain/service-vocabulary';

/**
 * One per Message-ID: claimed before an inbound mail is handled and completed with its
 * outcome, so SES delivering the same mail again (a retry) changes nothing. Refused mail is
 * recorded here too, with the reason.
 */
export const InboundMailReceiptEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'inboundMailReceipt', version: '1', service: 'relasi' },
    attributes: {
      /** SHA-256 of the Message-ID: a key of bounded length whatever the sender wrote. */
      messageKey: { type: 'string', required: true, readOnly: true },
      messageId: { type: 'string', required: true, readOnly: true },
      fromEmail: { type: 'string', required: true, readOnly: true },
      subject: { type: 'string', required: true, readOnly: true },
      claimedAt: { type: 'string', required: true },
      outcome: { type: INBOUND_MAIL_OUTCOMES },
      reason: { type: 'string' },
      ticketId: { type: 'string' },
      /** The message a reply became. */
      ticketMessageId: { type: 'string' },
      completedAt: { type: 'string' },
    },
    indexes: {
      byMessage: {
        pk: { field: 'pk', composite: ['messageKey'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);

export type InboundMailReceiptRow = EntityItem<ReturnType<typeof InboundMailReceiptEntity>>;
