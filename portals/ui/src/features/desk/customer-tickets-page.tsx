import { api } from '../../api/endpoints';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { PortalShell } from '../../kit/portal-shell';
import { formatServiceDate } from './service-time';
import { PriorityBadge, ticketUrl, TicketStatusBadge } from './ticket';
import { ts } from './texts/service';
import { tsu } from './texts/support';

function TicketsList() {
  const { list } = usePagedList(null, (_: null, cursor) => api.tickets.list({ cursor, limit: 25 }));
  return (
    <PagedTable
      list={list}
      empty={tsu('customer.empty')}
      columns={[ts('ticket.number'), ts('ticket.subject'), ts('ticket.status'), ts('ticket.priority'), ts('ticket.opened'), ts('ticket.updated')]}
      row={(ticket) => (
        <>
          <th scope="row">
            <a href={ticketUrl(ticket.id)}>{ticket.number}</a>
          </th>
          <td>{ticket.subject}</td>
          <td>
            <TicketStatusBadge status={ticket.status} />
          </td>
          <td>
            <PriorityBadge priority={ticket.priority} />
          </td>
          <td>{formatServiceDate(ticket.createdAt)}</td>
          <td>{formatServiceDate(ticket.updatedAt)}</td>
        </>
      )}
    />
  );
}

/** The customer's support tickets, newest first: its own, and its account's where it may see them all (the API decides). */
export function CustomerTicketsPage() {
  return (
    <PortalShell portal="customer" titleKey="nav.support" auth="required" current="tickets">
      {() => (
        <div class="stack">
          <div class="toolbar">
            <p>{tsu('customer.intro')}</p>
            <a class="button button-primary" href="/tickets/new/">
              {tsu('customer.new')}
            </a>
          </div>
          <TicketsList />
        </div>
      )}
    </PortalShell>
  );
}
