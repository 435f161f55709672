import { RecordFallback } from '../../kit/record-fallback';
import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Ticket, TicketMessage, User } from '../../api/types';
import { MessageAlert, Notice } from '../../kit/alert';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { Field } from '../../kit/field';
import { FormFooter } from '../../kit/form-footer';
import { ListFooter } from '../../kit/list-footer';
import { createPagedList } from '../../kit/paged-list';
import { PortalShell } from '../../kit/portal-shell';
import { useRecord, type RecordState } from '../../kit/record-state';
import { formatServiceTime } from './service-time';
import { createSubmission } from '../../kit/submission';
import { categoryLabel, PriorityBadge, TicketStatusBadge } from './ticket';
import { Composer, Thread } from './ticket-thread';
import { t } from '../../kit/i18n';
import { ts } from './texts/service';
import { tsu, type SupportKey } from './texts/support';
import { queryParam } from '../../kit/navigation';

const SCORES = [1, 2, 3, 4, 5] as const;

/** "How did we do?": a score from 1 to 5 and an optional comment, given once. */
function RatingForm(props: { record: RecordState<Ticket>; ticket: Ticket }) {
  const [score, setScore] = createSignal<number>();
  const [comment, setComment] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const submission = createSubmission();
  const name = createUniqueId();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const chosen = score();
    if (!chosen) return setProblem(tsu('customer.ratePick'));
    void submission.run(async (key) => {
      const text = comment().trim();
      props.record.show(await api.tickets.rate(props.ticket.id, { score: chosen, ...(text ? { comment: text } : {}) }, key));
    });
  };
  return (
    <form class="form" onSubmit={submit}>
      <fieldset class="rating">
        <legend>{tsu('customer.rateLegend')}</legend>
        <For each={SCORES}>
          {(value) => (
            <label class="checkbox">
              <input type="radio" name={name} value={value} checked={score() === value} onChange={() => setScore(value)} />
              {tsu(`customer.score.${value}` as SupportKey)}
            </label>
          )}
        </For>
      </fieldset>
      <Field label={tsu('customer.rateComment')} name="comment" multiline maxLength={2000} value={comment()} onInput={setComment} />
      <FormFooter problem={problem()} submission={submission} label={tsu('customer.rateSend')} busyLabel={tsu('customer.rateSending')} />
    </form>
  );
}

function Rating(props: { record: RecordState<Ticket>; ticket: Ticket }) {
  return (
    <section class="card stack" aria-labelledby="rating-title">
      <h2 id="rating-title">{tsu('customer.rateTitle')}</h2>
      <Show when={props.ticket.csat} fallback={<RatingForm record={props.record} ticket={props.ticket} />}>
        {(csat) => (
          <div role="status">
            <p class="rating-given">
              <strong>{tsu('customer.rated', { score: csat().score })}</strong>
            </p>
            <Show when={csat().comment}>{(text) => <p class="message-body">{text()}</p>}</Show>
            <p class="muted">{tsu('customer.ratedThanks')}</p>
          </div>
        )}
      </Show>
    </section>
  );
}

function TicketView(props: { record: RecordState<Ticket>; ticket: Ticket; me: User }) {
  const [closing, setClosing] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const messages = createPagedList((id: string, cursor) => api.tickets.messages(id, { cursor, limit: 100 }));
  void messages.load(props.ticket.id);
  const posted = (message: TicketMessage) => {
    // Oldest first: the new message belongs at the end once the last page is here.
    if (messages.nextCursor() === null) messages.setItems((items) => [...items, message]);
    // A reply reopens a resolved ticket: show its new status.
    void props.record.fetch();
  };
  const opener = () => (props.ticket.contactId === props.me.partyId ? props.me.name : ts('ticket.customer'));
  return (
    <>
      <Notice message={notice()} />
      <section class="card" aria-labelledby="summary-title">
        <div class="section-header">
          <h2 id="summary-title">{ts('ticket.request')}</h2>
          <Show when={props.ticket.status !== 'closed'}>
            <button type="button" class="button button-danger" onClick={() => setClosing(true)}>
              {tsu('customer.close')}
            </button>
          </Show>
        </div>
        <dl class="details">
          <dt>{ts('ticket.subject')}</dt>
          <dd>{props.ticket.subject}</dd>
          <dt>{ts('ticket.status')}</dt>
          <dd>
            <TicketStatusBadge status={props.ticket.status} />
          </dd>
          <dt>{ts('ticket.priority')}</dt>
          <dd>
            <PriorityBadge priority={props.ticket.priority} />
          </dd>
          <dt>{ts('ticket.category')}</dt>
          <dd>{categoryLabel(props.ticket.category)}</dd>
          <dt>{ts('ticket.opened')}</dt>
          <dd>{formatServiceTime(props.ticket.createdAt)}</dd>
        </dl>
      </section>
      <Show when={props.ticket.status === 'resolved'}>
        <p class="alert alert-success">{tsu('customer.resolvedNotice')}</p>
      </Show>
      <Show when={props.ticket.status === 'resolved' || props.ticket.status === 'closed'}>
        <Rating record={props.record} ticket={props.ticket} />
      </Show>
      <section class="stack" aria-labelledby="thread-title">
        <h2 id="thread-title">{ts('ticket.thread')}</h2>
        <Thread ticket={props.ticket} messages={messages.items()} openerName={opener()} />
        <ListFooter loading={messages.loading()} error={messages.error()} hasMore={messages.nextCursor() !== null} onMore={() => void messages.loadMore()} />
        <Show when={props.ticket.status !== 'closed'} fallback={<p class="muted">{ts('composer.closed')}</p>}>
          <Composer ticketId={props.ticket.id} onPosted={posted} />
        </Show>
      </section>
      <ConfirmDialog
        open={closing()}
        title={tsu('customer.closeTitle', { number: props.ticket.number })}
        message={tsu('customer.closeText', { number: props.ticket.number })}
        confirmLabel={tsu('customer.close')}
        onClose={() => setClosing(false)}
        onConfirm={async () => {
          props.record.show(await api.tickets.update(props.ticket.id, props.ticket.version, { status: 'closed' }));
          setNotice(tsu('customer.closed'));
        }}
      />
    </>
  );
}

function LoadedTicket(props: { id: string; me: User; onNumber: (number: string) => void }) {
  const record = useRecord(
    () => api.tickets.get(props.id),
    (loaded) => props.onNumber(loaded.number),
  );
  return (
    <Show when={record.record()} fallback={<RecordFallback error={record.loadError()} onRetry={() => void record.fetch()} />}>
      {(current) => <TicketView record={record} ticket={current()} me={props.me} />}
    </Show>
  );
}

/**
 * One ticket of the customer, from the `?id=`: its request, the public conversation (the API
 * never sends internal notes to customers), a reply box, "Close ticket" and, once resolved,
 * the rating. A ticket the API does not show this customer reads "not found", like a missing one.
 */
export function CustomerTicketPage() {
  const [id, setId] = createSignal<string | null>();
  const [number, setNumber] = createSignal<string>();
  onMount(() => setId(queryParam('id')));
  const heading = () => {
    const loaded = number();
    return loaded ? ts('ticket.heading', { number: loaded }) : undefined;
  };
  return (
    <PortalShell portal="customer" titleKey="nav.ticket" auth="required" current="tickets" heading={heading()}>
      {(me) => (
        <div class="stack">
          <p>
            <a href="/tickets/">← {t('nav.support')}</a>
          </p>
          <Show when={id() !== undefined}>
            <Show when={id()} fallback={<MessageAlert message={t('error.not_found')} />}>
              {(ticketId) => <LoadedTicket id={ticketId()} me={me as User} onNumber={setNumber} />}
            </Show>
          </Show>
        </div>
      )}
    </PortalShell>
  );
}
