import { createSignal } from 'solid-js';
import { api } from '../../api/endpoints';
import { TICKET_QUEUES, type Ticket, type TicketQueue, type User } from '../../api/types';
import { ListToolbar } from '../../kit/create-dialog';
import { FilterTabs } from '../../kit/filter-tabs';
import { NewTicketDialog } from './new-ticket-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { createAgentNames, DueTime, nextDeadline, TicketAccount } from './service-desk';
import { StaffShell } from '../../kit/staff-shell';
import { PriorityBadge, TicketLinkCells, TicketStatusBadge } from './ticket';
import { t } from '../../kit/i18n';
import './texts';

function TicketQueues(props: { me: User }) {
  const [creating, setCreating] = createSignal(false);
  const agents = createAgentNames(props.me);
  const { list, params: queue, choose } = usePagedList<Ticket, TicketQueue>('mine', (chosen, cursor) => api.tickets.list({ queue: chosen, cursor, limit: 25 }));
  return (
    <div class="stack">
      <ListToolbar newLabel={t('nav.newTicket')} onNew={() => setCreating(true)}>
        <FilterTabs groupLabel={t('desk.queue')} options={TICKET_QUEUES} value={queue()} onChange={choose} label={(option) => t(`desk.queue.${option}`)} />
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={t(`desk.empty.${queue()}`)}
        columns={[t('common.number'), t('desk.ticket.subject'), t('common.account'), t('common.priority'), t('common.status'), t('desk.ticket.assignee'), t('desk.slaDue')]}
        row={(ticket) => (
          <>
            <TicketLinkCells ticket={ticket} />
            <td>
              <TicketAccount id={ticket.accountId} name={ticket.accountName} />
            </td>
            <td>
              <PriorityBadge priority={ticket.priority} />
            </td>
            <td>
              <TicketStatusBadge status={ticket.status} />
            </td>
            <td>{agents.label(ticket.assigneeId)}</td>
            <td>
              <DueTime at={nextDeadline(ticket)} breached={ticket.sla.breached} paused={ticket.sla.paused} />
            </td>
          </>
        )}
      />
      <NewTicketDialog open={creating()} onClose={() => setCreating(false)} />
    </div>
  );
}

/** The service desk: the work queues (mine, unassigned, breaching soon, all open) and "New ticket" for a phone call. */
export function TicketsPage() {
  return (
    <StaffShell current="tickets" titleKey="nav.tickets">
      {(me) => <TicketQueues me={me} />}
    </StaffShell>
  );
}
