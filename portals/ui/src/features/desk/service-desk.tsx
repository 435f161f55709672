import { createSignal, Show } from 'solid-js';
import { MAX_AGENT_IDS, OPEN_TICKET_STATUSES, TICKET_SEVERITIES } from '../../../../../shared/modules/desk/domain/service-vocabulary';
import { api } from '../../api/endpoints';
import type { Ticket, User } from '../../api/types';
import { t } from '../../kit/i18n';
import { accountUrl } from '../../kit/navigation';
import { accountNameOf } from '../crm/account-name';
import { formatServiceTime, relativeTime } from './service-time';
import './texts';

// The staff service desk: who agents are, where a ticket's SLA stands, its account.

/** The severity choices: none, then 1 (critical) to 4. */
export const severityOptions = () => [{ value: '', label: t('desk.severity.none') }, ...TICKET_SEVERITIES.map((value) => ({ value: String(value), label: t(`desk.severity.${value}`) }))];

/** True while the ticket still needs work. */
export function isOpen(ticket: Pick<Ticket, 'status'>): boolean {
  return (OPEN_TICKET_STATUSES as readonly Ticket['status'][]).includes(ticket.status);
}

/**
 * Staff names by user id, for assignees, authors and metrics: the ids a page shows are asked
 * for in one request (`GET /service/agents`) and remembered; until the answer, and for ids
 * that are no staff login, a short id ("Agent 3F9A") stands in.
 */
export function createAgentNames(me: User) {
  const [names, setNames] = createSignal<Record<string, string>>({ [me.id]: me.name });
  const asked = new Set<string>([me.id]);
  let pending: string[] = [];
  const flush = () => {
    const ids = pending;
    pending = [];
    for (let start = 0; start < ids.length; start += MAX_AGENT_IDS) {
      api.serviceAgents.names(ids.slice(start, start + MAX_AGENT_IDS)).then(
        (answer) => setNames((known) => ({ ...known, ...Object.fromEntries(answer.items.map((agent) => [agent.id, agent.name])) })),
        () => undefined,
      );
    }
  };
  const ask = (id: string) => {
    if (asked.has(id)) return;
    asked.add(id);
    if (pending.push(id) === 1) queueMicrotask(flush);
  };
  return {
    learn(id: string, name: string) {
      asked.add(id);
      if (names()[id] !== name) setNames((known) => ({ ...known, [id]: name }));
    },
    /** "Me (Sari)", a colleague's name, or "Agent 3F9A" while the name is not known here. */
    label(id: string | undefined): string {
      if (!id) return t('desk.unassigned');
      if (id === me.id) return t('desk.me', { name: me.name });
      ask(id);
      return names()[id] ?? t('desk.agent', { id: id.slice(-4).toUpperCase() });
    },
  };
}

export type AgentNames = ReturnType<typeof createAgentNames>;

/** The next SLA deadline of an open ticket: the first response until there is one, then the resolution. */
export function nextDeadline(ticket: Ticket): string | undefined {
  if (!isOpen(ticket)) return undefined;
  return ticket.sla.firstRespondedAt ? ticket.sla.resolutionDueAt : ticket.sla.firstResponseDueAt;
}

/** A deadline as "in 3 hours" (the exact time on hover), red once breached or past; "paused" while the clock stands. */
export function DueTime(props: { at: string | undefined; breached: boolean; paused?: boolean }) {
  const late = () => props.breached || (!!props.at && new Date(props.at).getTime() < Date.now());
  return (
    <Show when={props.at} fallback={<span class="muted">{t('common.none')}</span>}>
      {(at) => (
        <span class="sla-due" classList={{ overdue: late() }}>
          <time datetime={at()} title={formatServiceTime(at())}>
            {relativeTime(at())}
          </time>
          <Show when={late()}> ({t('desk.overdue')})</Show>
          <Show when={props.paused}>
            {' '}
            <span class="badge">{t('desk.sla.paused')}</span>
          </Show>
        </span>
      )}
    </Show>
  );
}

/** The ticket's account by name (the API's, else read once per page), linked to its page. */
export function TicketAccount(props: { id: string; name?: string }) {
  return <a href={accountUrl(props.id)}>{props.name ?? accountNameOf(props.id) ?? t('common.account')}</a>;
}
