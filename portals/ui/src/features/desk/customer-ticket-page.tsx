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
import { categoryLabel, TicketStateTerms } from './ticket';
import { Composer, Thread } from './ticket-thread';
import { type MessageKey, t } from '../../kit/i18n';
import { queryParam } from '../../kit/navigation';
import './texts';

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
    if (!chosen) return setProblem(t('desk.customer.ratePick'));
    void submission.run(async (key) => {
      const text = comment().trim();
      props.record.show(await api.tickets.rate(props.ticket.id, { score: chosen, ...(text ? { comment: text } : {}) }, key));
    });
  };
  return (
    <form class="form" onSubmit={submit}>
      <fieldset class="rating">
        <legend>{t('desk.customer.rateLegend')}</legend>
        <For each={SCORES}>
          {(value) => (
            <label class="checkbox">
              <input type="radio" name={name} value={value} checked={score() === value} onChange={() => setScore(value)} />
              {t(`desk.customer.score.${value}` as MessageKey)}
            </label>
          )}
        </For>
      </fieldset>
      <Field label={t('desk.customer.rateComment')} name="comment" multiline maxLength={2000} value={comment()} onInput={setComment} />
      <FormFooter problem={problem()} submission={submission} label={t('desk.customer.rateSend')} busyLabel={t('common.sending')} />
    </form>
  );
}

function Rating(props: { record: RecordState<Ticket>; ticket: Ticket }) {
  return (
    <section class="card stack" aria-labelledby="rating-title">
      <h2 id="rating-title">{t('desk.customer.rateTitle')}</h2>
      <Show when={props.ticket.csat} fallback={<RatingForm record={props.record} ticket={props.ticket} />}>
        {(csat) => (
          <div role="status">
            <p class="rating-given">
              <strong>{t('desk.customer.rated', { score: csat().score })}</strong>
            </p>
            <Show when={csat().comment}>{(text) => <p class="message-body">{text()}</p>}</Show>
            <p class="muted">{t('desk.customer.ratedThanks')}</p>
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
  const opener = () => (props.ticket.contactId === props.me.partyId ? props.me.name : t('desk.ticket.customer'));
  return (
    <>
      <Notice message={notice()} />
      <section class="card" aria-labelledby="summary-title">
        <div class="section-header">
          <h2 id="summary-title">{t('desk.ticket.request')}</h2>
          <Show when={props.ticket.status !== 'closed'}>
            <button type="button" class="button button-danger" onClick={() => setClosing(true)}>
              {t('desk.close')}
            </button>
          </Show>
        </div>
        <dl class="details">
          <dt>{t('desk.ticket.subject')}</dt>
          <dd>{props.ticket.subject}</dd>
          <TicketStateTerms ticket={props.ticket} />
          <dt>{t('common.category')}</dt>
          <dd>{categoryLabel(props.ticket.category)}</dd>
          <dt>{t('desk.ticket.opened')}</dt>
          <dd>{formatServiceTime(props.ticket.createdAt)}</dd>
        </dl>
      </section>
      <Show when={props.ticket.status === 'resolved'}>
        <p class="alert alert-success">{t('desk.customer.resolvedNotice')}</p>
      </Show>
      <Show when={props.ticket.status === 'resolved' || props.ticket.status === 'closed'}>
        <Rating record={props.record} ticket={props.ticket} />
      </Show>
      <section class="stack" aria-labelledby="thread-title">
        <h2 id="thread-title">{t('desk.ticket.thread')}</h2>
        <Thread ticket={props.ticket} messages={messages.items()} openerName={opener()} />
        <ListFooter loading={messages.loading()} error={messages.error()} hasMore={messages.nextCursor() !== null} onMore={() => void messages.loadMore()} />
        <Show when={props.ticket.status !== 'closed'} fallback={<p class="muted">{t('desk.error.ticket_closed')}</p>}>
          <Composer ticketId={props.ticket.id} onPosted={posted} />
        </Show>
      </section>
      <ConfirmDialog
        open={closing()}
        title={t('desk.closeTitle', { number: props.ticket.number })}
        message={t('desk.customer.closeText', { number: props.ticket.number })}
        confirmLabel={t('desk.close')}
        onClose={() => setClosing(false)}
        onConfirm={async () => {
          props.record.show(await api.tickets.update(props.ticket.id, props.ticket.version, { status: 'closed' }));
          setNotice(t('desk.customer.closed'));
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
    return loaded ? t('desk.ticket.heading', { number: loaded }) : undefined;
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
