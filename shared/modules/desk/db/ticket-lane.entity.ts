import { CustomAttributeType, Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import type { TicketRow } from './ticket.entity';

/**
 * A ticket's place in the list queues, stored in the ticket's partition and rewritten in the
 * same transaction as every change of the ticket, with a copy of it so that a page of a queue
 * is one Query. The ticket item has used its three indexes (account, creation month, SLA due
 * time); this one carries the contact's list and the two open queues (by agent, all open).
 */
export const TicketLaneEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'ticketLane', version: '1', service: 'relasi' },
    attributes: {
      ticketId: { type: 'string', required: true, readOnly: true },
      /** The customer contact's id, or `-` for a ticket without one (then not on the contact index). */
      contactKey: { type: 'string', required: true },
      /** The assignee's user id, or `unassigned`. */
      assigneeKey: { type: 'string', required: true },
      open: { type: 'boolean', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      /** The ticket as stored, for the list answer. */
      ticket: { type: CustomAttributeType<TicketRow>('any'), required: true },
    },
    indexes: {
      byTicket: {
        pk: { field: 'pk', composite: ['ticketId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** A customer contact's own tickets by creation time. */
      byContact: {
        index: 'gsi1',
        condition: (attr) => attr.contactKey !== '-',
        pk: { field: 'gsi1pk', composite: ['contactKey'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'ticketId'] },
      },
      /** Sparse: an agent's open tickets (or the unassigned ones), oldest first. */
      openByAssignee: {
        index: 'gsi2',
        condition: (attr) => attr.open === true,
        pk: { field: 'gsi2pk', composite: ['assigneeKey'] },
        sk: { field: 'gsi2sk', composite: ['createdAt', 'ticketId'] },
      },
      /** Sparse: every open ticket, oldest first (the open queue; the escalation sweep's candidates). */
      openByCreated: {
        index: 'gsi3',
        condition: (attr) => attr.open === true,
        pk: { field: 'gsi3pk', composite: [] },
        sk: { field: 'gsi3sk', composite: ['createdAt', 'ticketId'] },
      },
    },
  }),
);
