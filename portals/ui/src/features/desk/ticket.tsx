import type { MessageChannel, TicketPriority, TicketStatus } from '../../api/types';
import { ts, type ServiceKey } from './texts/service';
import { recordUrl } from '../../kit/navigation';

// What both portals show of a ticket in lists and headers: its address, labels and chips (its thread is in ./ticket-thread).

export const ticketUrl = (id: string) => recordUrl('ticket', id);

export const statusLabel = (status: TicketStatus) => ts(`ticketStatus.${status}`);
export const priorityLabel = (priority: TicketPriority) => ts(`ticketPriority.${priority}`);
/** A ticket's channel, or a message's (which may also be the staff portal). */
export const channelLabel = (channel: MessageChannel) => ts(`ticketChannel.${channel}`);

/** The ticket categories teams route by (the values are the API's, the labels translated); a category typed by staff shows as written. */
export const TICKET_CATEGORIES = ['delivery', 'menu', 'invoice', 'order', 'account', 'other'] as const;

export function categoryLabel(category: string | undefined): string {
  if (!category) return ts('category.none');
  return (TICKET_CATEGORIES as readonly string[]).includes(category) ? ts(`category.${category}` as ServiceKey) : category;
}

/** The ticket's status as a chip; the word carries the meaning, the colour repeats it. */
export function TicketStatusBadge(props: { status: TicketStatus }) {
  return <span class={`badge ticket-status ticket-status-${props.status}`}>{statusLabel(props.status)}</span>;
}

export function PriorityBadge(props: { priority: TicketPriority }) {
  return <span class={`badge ticket-priority ticket-priority-${props.priority}`}>{priorityLabel(props.priority)}</span>;
}
