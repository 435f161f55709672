import { api } from '../../api/endpoints';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { PortalShell } from '../../kit/portal-shell';
import { formatServiceDate } from './service-time';
import { PriorityBadge, TicketLinkCells, TicketStatusBadge } from './ticket';
import { t } from '../../kit/i18n';
import './texts';

function TicketsList() {
  const { list } = usePagedList(null, (_: null, cursor) => api.tickets.list({ cursor, limit: 25 }));
  return (
    <PagedTable
      list={list}
      empty={t('desk.customer.empty')}
      columns={[t('common.number'), t('desk.ticket.subject'), t('common.status'), t('common.priority'), t('desk.ticket.opened'), t('common.updated')]}
      row={(ticket) => (
        <>
          <TicketLinkCells ticket={ticket} />
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
            <p>{t('desk.customer.intro')}</p>
            <a class="button button-primary" href="/tickets/new/">
              {t('nav.newTicket')}
            </a>
          </div>
          <TicketsList />
        </div>
      )}
    </PortalShell>
  );
}
