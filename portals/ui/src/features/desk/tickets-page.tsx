import { createSignal, For } from 'solid-js';
import { api } from '../../api/endpoints';
import { TICKET_QUEUES, type Ticket, type TicketQueue, type User } from '../../api/types';
import { ListToolbar } from '../../kit/create-dialog';
import { NewTicketDialog } from './new-ticket-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { createAgentNames, DueTime, nextDeadline, TicketAccount } from './service-desk';
import { StaffShell } from '../../kit/staff-shell';
import { PriorityBadge, ticketUrl, TicketStatusBadge } from './ticket';
import { tsd } from './texts/desk';
import { ts } from './texts/service';

function TicketQueues(props: { me: User }) {
  const [creating, setCreating] = createSignal(false);
  const agents = createAgentNames(props.me);
  const { list, params: queue, choose } = usePagedList<Ticket, TicketQueue>('mine', (chosen, cursor) => api.tickets.list({ queue: chosen, cursor, limit: 25 }));
  return (
    <div class="stack">
      <ListToolbar newLabel={tsd('desk.new')} onNew={() => setCreating(true)}>
        <div class="tabs" role="group" aria-label={tsd('desk.queue')}>
          <For each={TICKET_QUEUES}>
            {(option) => (
              <button type="button" class="tab" aria-pressed={queue() === option} onClick={() => choose(option)}>
                {tsd(`queue.${option}`)}
              </button>
            )}
          </For>
        </div>
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={tsd(`desk.empty.${queue()}`)}
        columns={[ts('ticket.number'), ts('ticket.subject'), ts('ticket.account'), ts('ticket.priority'), ts('ticket.status'), ts('ticket.assignee'), tsd('desk.slaDue')]}
        row={(ticket) => (
          <>
            <th scope="row">
              <a href={ticketUrl(ticket.id)}>{ticket.number}</a>
            </th>
            <td>{ticket.subject}</td>
            <td>
              <TicketAccount id={ticket.accountId} />
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
