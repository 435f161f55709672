import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * "Escalation rule R fired for ticket T", in the ticket's partition. Created on the condition
 * that it does not exist, in the same transaction as the rule's note and mails, so a rule
 * fires at most once per ticket however many sweeps see it.
 */
export const EscalationMarkerEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'escalationMarker', version: '1', service: 'relasi' },
    attributes: {
      ticketId: { type: 'string', required: true, readOnly: true },
      ruleId: { type: 'string', required: true, readOnly: true },
      firedAt: { type: 'string', required: true, readOnly: true },
    },
    indexes: {
      byTicket: {
        pk: { field: 'pk', composite: ['ticketId'] },
        sk: { field: 'sk', composite: ['ruleId'] },
      },
    },
  }),
);
