import type { AccountTier, MessageChannel, Ticket, TicketPriority, TicketStatus } from '../../api/types';
import { recordUrl } from '../../kit/navigation';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';

// What both portals show of a ticket in lists and on its page: its address, labels and chips (its thread is in ./ticket-thread, its form fields in ./ticket-fields).

export const ticketUrl = (id: string) => recordUrl('ticket', id);

export const statusLabel = (status: TicketStatus) => t(`desk.ticketStatus.${status}`);
export const priorityLabel = (priority: TicketPriority) => t(`desk.ticketPriority.${priority}`);
/** A ticket's channel, or a message's (which may also be the staff portal). */
export const channelLabel = (channel: MessageChannel) => t(`desk.ticketChannel.${channel}`);
export const tierLabel = (tier: AccountTier) => t(`desk.tier.${tier}`);

/** The ticket categories teams route by (the values are the API's, the labels translated); a category typed by staff shows as written. */
export const TICKET_CATEGORIES = ['delivery', 'menu', 'invoice', 'order', 'account', 'other'] as const;

export function categoryLabel(category: string | undefined): string {
  if (!category) return t('desk.category.none');
  return (TICKET_CATEGORIES as readonly string[]).includes(category) ? t(`desk.category.${category}` as MessageKey) : category;
}

/** The ticket's status as a chip; the word carries the meaning, the colour repeats it. */
export function TicketStatusBadge(props: { status: TicketStatus }) {
  return <span class={`badge ticket-status ticket-status-${props.status}`}>{statusLabel(props.status)}</span>;
}

export function PriorityBadge(props: { priority: TicketPriority }) {
  return <span class={`badge ticket-priority ticket-priority-${props.priority}`}>{priorityLabel(props.priority)}</span>;
}

/** The cells a row of a ticket list opens with: the number, linking to the ticket, as the row's header, then the subject. */
export function TicketLinkCells(props: { ticket: Pick<Ticket, 'id' | 'number' | 'subject'> }) {
  return (
    <>
      <th scope="row">
        <a href={ticketUrl(props.ticket.id)}>{props.ticket.number}</a>
      </th>
      <td>{props.ticket.subject}</td>
    </>
  );
}

/** The ticket's status and priority as terms of a details list (`<dl class="details">`). */
export function TicketStateTerms(props: { ticket: Pick<Ticket, 'status' | 'priority'> }) {
  return (
    <>
      <dt>{t('common.status')}</dt>
      <dd>
        <TicketStatusBadge status={props.ticket.status} />
      </dd>
      <dt>{t('common.priority')}</dt>
      <dd>
        <PriorityBadge priority={props.ticket.priority} />
      </dd>
    </>
  );
}
