import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, type TicketSeverity } from '../domain/service-vocabulary';
import type { SlaClock } from '../domain/sla-policy';
import type { TicketCsat } from '../domain/ticket';

/**
 * A service ticket. Its messages, its queue entry (ticket-lane.entity.ts) and its escalation
 * markers live in its partition. The SLA clock is stored whole; `slaDueAt` is its next
 * deadline, and only a ticket whose clock runs (open, not paused) is on the due-time index.
 */
export const TicketEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'ticket', version: '1', service: 'relasi' },
    attributes: {
      ticketId: { type: 'string', required: true, readOnly: true },
      number: { type: 'string', required: true, readOnly: true },
      subject: { type: 'string', required: true },
      description: { type: 'string', required: true },
      accountId: { type: 'string', required: true, readOnly: true },
      contactId: { type: 'string' },
      channel: { type: TICKET_CHANNELS, required: true },
      priority: { type: TICKET_PRIORITIES, required: true },
      severity: { type: CustomAttributeType<TicketSeverity>('number') },
      category: { type: 'string' },
      status: { type: TICKET_STATUSES, required: true },
      assigneeId: { type: 'string' },
      teamId: { type: 'string' },
      activityId: { type: 'string' },
      sla: { type: CustomAttributeType<SlaClock>('any'), required: true },
      /** Once the customer rated the ticket. */
      csat: { type: CustomAttributeType<TicketCsat>('any') },
      /** When the status was first changed by anyone (escalation looks for tickets nobody touched). */
      statusChangedAt: { type: 'string' },
      resolvedAt: { type: 'string' },
      createdBy: { type: 'string' },
      /** The next deadline of the clock (the due-time index's sort key); derived on every write. */
      slaDueAt: { type: 'string', required: true },
      /** Open and not paused: only then is the ticket on the due-time index; derived on every write. */
      slaRunning: { type: 'boolean', required: true },
      /** YYYY-MM of `createdAt`: the partition of the creation-date index (service metrics). */
      createdMonth: { type: 'string', required: true, readOnly: true },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['ticketId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** An account's tickets by creation time. */
      byAccount: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['accountId'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'ticketId'] },
      },
      /** Tickets created in a month, by creation time: the metrics read a date range from it. */
      byCreatedMonth: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: ['createdMonth'] },
        sk: { field: 'gsi2sk', composite: ['createdAt', 'ticketId'] },
      },
      /** Sparse work queue: open tickets with a running SLA clock, soonest deadline first. */
      openBySlaDue: {
        index: 'gsi3',
        condition: (attr) => attr.slaRunning === true,
        pk: { field: 'gsi3pk', composite: [] },
        sk: { field: 'gsi3sk', composite: ['slaDueAt', 'ticketId'] },
      },
    },
  }),
);

/** A ticket as stored, with the index attributes the repository derives on every write. */
export type TicketRow = EntityItem<ReturnType<typeof TicketEntity>>;
