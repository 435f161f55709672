import { createEffect, createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { TICKET_PRIORITIES, TICKET_STATUSES, type ServiceSettings, type Ticket, type TicketMessage, type TicketPatch, type TicketPriority, type TicketStatus, type User } from '../../api/types';
import { ErrorAlert } from '../../kit/alert';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { useLoaded } from '../../kit/data-table';
import { SelectField } from '../../kit/field';
import { ListFooter } from '../../kit/list-footer';
import { createPagedList } from '../../kit/paged-list';
import { RecordCard, RecordPage, RecordView, useRecord, type EditFormProps, type RecordState } from '../../kit/record-view';
import { createAgentNames, DueTime, isOpen, severityOptions, TicketAccount, type AgentNames } from './service-desk';
import { formatServiceTime } from './service-time';
import { createSubmission } from '../../kit/submission';
import { categoryLabel, channelLabel, priorityLabel, statusLabel, TicketStateTerms } from './ticket';
import { CategoryField, withCurrent } from './ticket-fields';
import { Composer, Thread } from './ticket-thread';
import { t } from '../../kit/i18n';
import { user } from '../../kit/session';
import './texts';

type HeaderFormProps = EditFormProps & { ticket: Ticket; settings: ServiceSettings | undefined; agents: AgentNames; me: User; onSave: (patch: TicketPatch) => void; onNothing: () => void };

/** The ticket's header fields, sent as one PATCH of what changed (If-Match: the version it was opened at). */
function HeaderForm(props: HeaderFormProps) {
  const base = props.ticket;
  const [status, setStatus] = createSignal<TicketStatus>(base.status);
  const [priority, setPriority] = createSignal<TicketPriority>(base.priority);
  const [severity, setSeverity] = createSignal(base.severity ? String(base.severity) : '');
  const [category, setCategory] = createSignal(base.category ?? '');
  const [assigneeId, setAssigneeId] = createSignal(base.assigneeId ?? '');
  const [teamId, setTeamId] = createSignal(base.teamId ?? '');
  const teams = () => props.settings?.teams ?? [];
  const agentOptions = () => {
    const ids = new Set([props.me.id, ...teams().flatMap((team) => team.memberIds)]);
    const options = [{ value: '', label: t('desk.unassigned') }, ...[...ids].map((id) => ({ value: id, label: props.agents.label(id) }))];
    return withCurrent(options, base.assigneeId ?? '', props.agents.label(base.assigneeId));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const patch: TicketPatch = {};
    if (status() !== base.status) patch.status = status();
    if (priority() !== base.priority) patch.priority = priority();
    if (severity() !== (base.severity ? String(base.severity) : '')) patch.severity = severity() ? (Number(severity()) as 1 | 2 | 3 | 4) : null;
    if (category() !== (base.category ?? '')) patch.category = category() || null;
    if (assigneeId() !== (base.assigneeId ?? '')) patch.assigneeId = assigneeId() || null;
    if (teamId() !== (base.teamId ?? '')) patch.teamId = teamId() || null;
    if (Object.keys(patch).length === 0) return props.onNothing();
    props.onSave(patch);
  };
  return (
    <form class="form" onSubmit={submit}>
      <SelectField label={t('common.status')} name="status" value={status()} onChange={(value) => setStatus(value as TicketStatus)} options={TICKET_STATUSES.map((value) => ({ value, label: statusLabel(value) }))} />
      <SelectField label={t('common.priority')} name="priority" value={priority()} onChange={(value) => setPriority(value as TicketPriority)} options={TICKET_PRIORITIES.map((value) => ({ value, label: priorityLabel(value) }))} />
      <SelectField label={t('desk.ticket.severity')} name="severity" value={severity()} onChange={setSeverity} options={severityOptions()} />
      <CategoryField value={category()} onChange={setCategory} kept={base.category} />
      <SelectField label={t('desk.ticket.assignee')} name="assigneeId" value={assigneeId()} onChange={setAssigneeId} options={agentOptions()} />
      <SelectField
        label={t('desk.ticket.team')}
        name="teamId"
        value={teamId()}
        onChange={setTeamId}
        options={withCurrent([{ value: '', label: t('desk.noTeam') }, ...teams().map((team) => ({ value: team.id, label: team.name }))], base.teamId ?? '', base.teamId ?? '')}
      />
      {props.children}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? t('common.saving') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

function Details(props: { ticket: Ticket; settings: ServiceSettings | undefined; agents: AgentNames; contactName: string | undefined }) {
  const teamName = () => props.settings?.teams.find((team) => team.id === props.ticket.teamId)?.name ?? props.ticket.teamId ?? t('desk.noTeam');
  return (
    <dl class="details">
      <TicketStateTerms ticket={props.ticket} />
      <dt>{t('desk.ticket.severity')}</dt>
      <dd>{props.ticket.severity ? t(`desk.severity.${props.ticket.severity}`) : t('desk.severity.none')}</dd>
      <dt>{t('common.category')}</dt>
      <dd>{categoryLabel(props.ticket.category)}</dd>
      <dt>{t('desk.ticket.assignee')}</dt>
      <dd>{props.agents.label(props.ticket.assigneeId)}</dd>
      <dt>{t('desk.ticket.team')}</dt>
      <dd>{teamName()}</dd>
      <dt>{t('common.account')}</dt>
      <dd>
        <TicketAccount id={props.ticket.accountId} name={props.ticket.accountName} />
      </dd>
      <dt>{t('desk.ticket.contact')}</dt>
      <dd>{props.contactName ?? t('common.none')}</dd>
      <dt>{t('desk.ticket.channel')}</dt>
      <dd>{channelLabel(props.ticket.channel)}</dd>
      <dt>{t('desk.ticket.opened')}</dt>
      <dd>{formatServiceTime(props.ticket.createdAt)}</dd>
    </dl>
  );
}

/** First response and resolution deadlines, whether the clock is paused and whether a deadline was missed. */
function SlaBox(props: { ticket: Ticket }) {
  const sla = () => props.ticket.sla;
  return (
    <section class="card" aria-labelledby="sla-title">
      <h2 id="sla-title">{t('desk.sla.title')}</h2>
      <dl class="details">
        <dt>{t('desk.sla.state')}</dt>
        <dd>
          <Show when={sla().breached} fallback={<span class="badge">{sla().paused ? t('desk.sla.paused') : t('desk.sla.onTrack')}</span>}>
            <span class="badge badge-danger">{t('desk.breachedBadge')}</span>
          </Show>
          <Show when={sla().paused}>
            <p class="muted">{t('desk.sla.pausedText')}</p>
          </Show>
        </dd>
        <dt>{t('desk.sla.firstResponseDue')}</dt>
        <dd>
          {formatServiceTime(sla().firstResponseDueAt)}
          <Show
            when={sla().firstRespondedAt}
            fallback={
              <Show when={isOpen(props.ticket)}>
                {' · '}
                <DueTime at={sla().firstResponseDueAt} breached={sla().breached && !sla().firstRespondedAt} />
              </Show>
            }
          >
            {(at) => (
              <>
                {' · '}
                {t('desk.sla.met')} {formatServiceTime(at())}
              </>
            )}
          </Show>
        </dd>
        <dt>{t('desk.sla.resolutionDue')}</dt>
        <dd>
          {formatServiceTime(sla().resolutionDueAt)}
          <Show when={isOpen(props.ticket)}>
            {' · '}
            <DueTime at={sla().resolutionDueAt} breached={false} paused={sla().paused} />
          </Show>
        </dd>
      </dl>
      <Show when={props.ticket.csat}>
        {(csat) => (
          <p>
            <strong>{t('desk.rating')}:</strong> {t('desk.ratingValue', { score: csat().score })}
            <Show when={csat().comment}>{(comment) => <span class="message-body"> — {comment()}</span>}</Show>
          </p>
        )}
      </Show>
    </section>
  );
}

function TicketWork(props: { record: RecordState<Ticket>; ticket: Ticket; me: User }) {
  const settings = useLoaded(() => api.serviceSettings.get());
  const contacts = useLoaded(() => api.accounts.contacts(props.ticket.accountId, { limit: 100 }));
  const agents = createAgentNames(props.me);
  const resolve = createSubmission();
  const messages = createPagedList((id: string, cursor) => api.tickets.messages(id, { cursor, limit: 100 }));
  void messages.load(props.ticket.id);
  createEffect(() => {
    for (const message of messages.items()) if (message.authorType === 'staff') agents.learn(message.authorId, message.authorName);
  });
  const contactName = () => contacts.data()?.items.find((link) => link.contactId === props.ticket.contactId)?.contactName;
  const save = () => props.record.save;
  const posted = (message: TicketMessage) => {
    if (messages.nextCursor() === null) messages.setItems((items) => [...items, message]);
    // The first public reply stops the first-response clock (and every change moves the version).
    void props.record.fetch();
  };
  // A closed ticket takes no more replies: closing it from the form is confirmed first.
  const [closing, setClosing] = createSignal<{ base: Ticket; patch: TicketPatch }>();
  const change = (base: Ticket, patch: TicketPatch) => save().submit(async () => props.record.show(await api.tickets.update(base.id, base.version, patch)));
  const resolveTicket = () =>
    void resolve.run(async () => {
      props.record.show(await api.tickets.update(props.ticket.id, props.ticket.version, { status: 'resolved' }));
      save().setSaved(t('desk.resolved'));
    });
  return (
    <div class="ticket-columns">
      <div class="stack">
        <section class="stack" aria-labelledby="thread-title">
          <h2 id="thread-title">{t('desk.ticket.thread')}</h2>
          <Thread ticket={props.ticket} messages={messages.items()} openerName={contactName() ?? t('desk.ticket.customer')} />
          <ListFooter loading={messages.loading()} error={messages.error()} hasMore={messages.nextCursor() !== null} onMore={() => void messages.loadMore()} />
        </section>
        <Show when={props.ticket.status !== 'closed'} fallback={<p class="muted">{t('desk.error.ticket_closed')}</p>}>
          <Composer ticketId={props.ticket.id} staff={{ cannedReplies: settings.data()?.cannedReplies ?? [] }} onPosted={posted} />
        </Show>
      </div>
      <div class="stack">
        <RecordCard
          record={props.record}
          title={t('common.details')}
          editTitle={t('desk.editTitle')}
          actions={
            <Show when={isOpen(props.ticket)}>
              <button type="button" class="button button-primary" disabled={resolve.busy()} onClick={resolveTicket}>
                {t('desk.resolve')}
              </button>
            </Show>
          }
          notice={<ErrorAlert error={resolve.error()} />}
          details={<Details ticket={props.ticket} settings={settings.data()} agents={agents} contactName={contactName()} />}
          form={(base, edit) => (
            <HeaderForm
              {...edit}
              ticket={base}
              settings={settings.data()}
              agents={agents}
              me={props.me}
              onNothing={() => save().cancel()}
              onSave={(patch) => (patch.status === 'closed' ? setClosing({ base, patch }) : void change(base, patch))}
            />
          )}
        />
        <SlaBox ticket={props.ticket} />
        <ConfirmDialog
          open={closing() !== undefined}
          title={t('desk.closeTitle', { number: props.ticket.number })}
          message={t('desk.closeText', { number: props.ticket.number })}
          confirmLabel={t('desk.close')}
          onClose={() => setClosing(undefined)}
          onConfirm={async () => {
            const pending = closing();
            if (pending) await change(pending.base, pending.patch);
          }}
        />
      </div>
    </div>
  );
}

function TicketView(props: { id: string; setHeading: (heading: string) => void; me: User }) {
  const record = useRecord(
    () => api.tickets.get(props.id),
    (loaded) => props.setHeading(`${loaded.number} · ${loaded.subject}`),
  );
  return <RecordView record={record}>{(current) => <TicketWork record={record} ticket={current()} me={props.me} />}</RecordView>;
}

/** One ticket on the service desk: header fields (If-Match), SLA, the thread with internal notes apart, the composer, "Resolve". */
export function TicketPage() {
  // The page's content renders once signed in, so the session's user is there.
  return (
    <RecordPage current="tickets" titleKey="nav.ticket" backHref="/tickets/" backLabel={t('nav.tickets')}>
      {(id, setHeading) => <TicketView id={id} setHeading={setHeading} me={user() as User} />}
    </RecordPage>
  );
}
