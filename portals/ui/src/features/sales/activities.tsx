import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { ACTIVITY_TYPE_OPTIONS, type Activity, type ActivityType, type RelatedType } from '../../api/types';
import { Notice } from '../../kit/alert';
import { Dialog } from '../../kit/dialog';
import { Field, SelectField } from '../../kit/field';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { ListFooter } from '../../kit/list-footer';
import { createPagedList } from '../../kit/paged-list';
import { activityTypeLabel } from './sales';
import { formatDateTime } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

export type Related = { type: RelatedType; id: string };

/** Minutes typed by the user, or undefined when empty; NaN marks an invalid value. */
function parseMinutes(value: string): number | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= 0 && n <= 24 * 60 ? n : Number.NaN;
}

function isOverdue(activity: Activity): boolean {
  return activity.status === 'planned' && !!activity.dueAt && new Date(activity.dueAt).getTime() < Date.now();
}

/** Records the outcome of a planned activity and marks it done. */
export function DoneDialog(props: { activity: Activity | undefined; onClose: () => void; onDone: (activity: Activity) => void }) {
  const [outcome, setOutcome] = createSignal('');
  const [minutes, setMinutes] = createSignal('');
  const form = createDialogForm(() => {
    setOutcome('');
    setMinutes('');
    props.onClose();
  });
  const submit = form.onSubmit(async () => {
    const activity = props.activity;
    if (!activity) return;
    const duration = parseMinutes(minutes());
    if (Number.isNaN(duration)) return form.setProblem(t('sales.activity.durationInvalid'));
    const ok = await form.submission.run(async (key) => {
      const body: { outcome?: string; durationMinutes?: number } = {};
      if (outcome().trim()) body.outcome = outcome().trim();
      if (duration !== undefined) body.durationMinutes = duration;
      const done = await api.activities.done(activity.id, activity.version, body, key);
      // Without the record in the answer, show what was sent.
      props.onDone(done?.id ? done : { ...activity, ...body, status: 'done', doneAt: new Date().toISOString() });
    });
    if (ok) form.close();
  });
  return (
    <Dialog open={props.activity !== undefined} title={t('sales.activity.markDoneTitle', { subject: props.activity?.subject ?? '' })} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <Field label={t('sales.activity.outcome')} name="outcome" multiline maxLength={2000} autofocus value={outcome()} onInput={setOutcome} />
        <Field label={t('sales.activity.duration')} name="duration" type="number" min={0} max={1440} inputMode="numeric" value={minutes()} onInput={setMinutes} />
        <FormFooter problem={form.problem()} submission={form.submission} label={t('sales.activity.markDone')} />
      </form>
    </Dialog>
  );
}

type NewActivityProps = { mode: 'log' | 'schedule' | undefined; related: Related; onClose: () => void; onCreated: (activity: Activity) => void };

/** "Log a call" (done, with outcome, duration and direction) or "Schedule" (planned, with a due time). */
export function NewActivityDialog(props: NewActivityProps) {
  const [type, setType] = createSignal<ActivityType>('call');
  const [subject, setSubject] = createSignal('');
  const [direction, setDirection] = createSignal<'outbound' | 'inbound'>('outbound');
  const [outcome, setOutcome] = createSignal('');
  const [minutes, setMinutes] = createSignal('');
  const [dueAt, setDueAt] = createSignal('');
  const [notes, setNotes] = createSignal('');
  const logging = () => props.mode === 'log';

  const form = createDialogForm(() => {
    for (const reset of [setSubject, setOutcome, setMinutes, setDueAt, setNotes]) reset('');
    setType('call');
    setDirection('outbound');
    props.onClose();
  });

  const submit = form.onSubmit(async () => {
    const duration = parseMinutes(minutes());
    if (Number.isNaN(duration)) return form.setProblem(t('sales.activity.durationInvalid'));
    const due = dueAt() ? new Date(dueAt()) : undefined;
    if (!logging() && (!due || Number.isNaN(due.getTime()))) return form.setProblem(t('sales.activity.dueRequired'));
    const ok = await form.submission.run(async (key) => {
      const created = await api.activities.create(
        {
          type: logging() ? 'call' : type(),
          subject: subject().trim(),
          notes: notes().trim() || undefined,
          related: { type: props.related.type, id: props.related.id },
          ...(logging()
            ? { status: 'done' as const, direction: direction(), outcome: outcome().trim() || undefined, durationMinutes: duration }
            : { status: 'planned' as const, dueAt: due?.toISOString() }),
        },
        key,
      );
      props.onCreated(created);
    });
    if (ok) form.close();
  });

  return (
    <Dialog open={props.mode !== undefined} title={logging() ? t('sales.activity.logCall') : t('sales.activity.schedule')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <Show when={!logging()}>
          <SelectField
            label={t('sales.activity.type')}
            name="type"
            value={type()}
            onChange={(value) => setType(value as ActivityType)}
            options={ACTIVITY_TYPE_OPTIONS.filter((option) => option !== 'note').map((option) => ({ value: option, label: activityTypeLabel(option) }))}
          />
        </Show>
        <Field label={t('sales.activity.subject')} name="subject" required autofocus maxLength={200} value={subject()} onInput={setSubject} />
        <Show
          when={logging()}
          fallback={<Field label={t('sales.activity.dueAt')} name="dueAt" type="datetime-local" required value={dueAt()} onInput={setDueAt} />}
        >
          <SelectField
            label={t('sales.activity.direction')}
            name="direction"
            value={direction()}
            onChange={(value) => setDirection(value === 'inbound' ? 'inbound' : 'outbound')}
            options={[
              { value: 'outbound', label: t('sales.activity.outbound') },
              { value: 'inbound', label: t('sales.activity.inbound') },
            ]}
          />
          <Field label={t('sales.activity.outcome')} name="outcome" multiline maxLength={2000} value={outcome()} onInput={setOutcome} />
          <Field label={t('sales.activity.duration')} name="duration" type="number" min={0} max={1440} inputMode="numeric" value={minutes()} onInput={setMinutes} />
        </Show>
        <Field label={t('sales.activity.notes')} name="notes" multiline maxLength={5000} value={notes()} onInput={setNotes} />
        <FormFooter problem={form.problem()} submission={form.submission} label={logging() ? t('sales.activity.saveCall') : t('sales.activity.schedule')} />
      </form>
    </Dialog>
  );
}

/** One activity: type, when, subject, outcome and a "Mark done" button while planned. */
export function ActivityItem(props: { activity: Activity; onMarkDone: (activity: Activity) => void; showRelated?: boolean }) {
  const when = () => props.activity.doneAt ?? props.activity.dueAt;
  return (
    <li classList={{ overdue: isOverdue(props.activity) }}>
      <p class="timeline-meta">
        <span class="badge">{activityTypeLabel(props.activity.type)}</span>{' '}
        <Show when={when()}>
          {(at) => <time datetime={at()}>{formatDateTime(at())}</time>}
        </Show>
        {' · '}
        {props.activity.status === 'done' ? t('common.done') : isOverdue(props.activity) ? t('sales.activity.statusOverdue') : t('sales.activity.statusPlanned')}
        <Show when={props.activity.direction}>
          {(direction) => <> · {direction() === 'inbound' ? t('sales.activity.inbound') : t('sales.activity.outbound')}</>}
        </Show>
        <Show when={props.activity.durationMinutes !== undefined}>
          {' · '}
          {t('common.minutes', { n: props.activity.durationMinutes ?? 0 })}
        </Show>
      </p>
      <p class="timeline-title">
        <Show when={props.showRelated} fallback={props.activity.subject}>
          <a href={relatedUrl(props.activity.related)}>{props.activity.subject}</a>
        </Show>
      </p>
      <Show when={props.activity.outcome}>
        <p class="timeline-summary">
          <strong>{t('sales.activity.outcome')}:</strong> {props.activity.outcome}
        </p>
      </Show>
      <Show when={props.activity.notes}>
        <p class="timeline-summary">{props.activity.notes}</p>
      </Show>
      <Show when={props.activity.status === 'planned'}>
        <button
          type="button"
          class="button button-ghost"
          aria-label={`${t('sales.activity.markDone')}: ${props.activity.subject}`}
          onClick={() => props.onMarkDone(props.activity)}
        >
          {t('sales.activity.markDone')}
        </button>
      </Show>
    </li>
  );
}

/** Where the record an activity is about lives in the staff portal. */
export function relatedUrl(related: Related): string {
  const id = encodeURIComponent(related.id);
  return `/${related.type}/?id=${id}`;
}

/** The activities of one lead, account or opportunity, with "Log a call" and "Schedule". */
export function Activities(props: { related: Related }) {
  const list = createPagedList((related: Related, cursor) =>
    api.activities.list({ relatedType: related.type, relatedId: related.id, cursor, limit: 20 }),
  );
  const [mode, setMode] = createSignal<'log' | 'schedule'>();
  const [finishing, setFinishing] = createSignal<Activity>();
  const [notice, setNotice] = createSignal<string>();
  onMount(() => void list.load(props.related));
  const replace = (activity: Activity) => list.setItems((items) => items.map((item) => (item.id === activity.id ? activity : item)));
  return (
    <section class="stack" aria-labelledby="activities-title">
      <div class="section-header">
        <h2 id="activities-title">{t('sales.activity.title')}</h2>
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={() => { setNotice(undefined); setMode('log'); }}>
            {t('sales.activity.logCall')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => { setNotice(undefined); setMode('schedule'); }}>
            {t('sales.activity.schedule')}
          </button>
        </div>
      </div>
      <Notice message={notice()} />
      <Show when={list.loaded() && list.items().length === 0 && !list.loading()}>
        <p class="empty">{t('sales.activity.empty')}</p>
      </Show>
      <ol class="timeline">
        <For each={list.items()}>{(activity) => <ActivityItem activity={activity} onMarkDone={setFinishing} />}</For>
      </ol>
      <ListFooter loading={list.loading()} error={list.error()} hasMore={list.nextCursor() !== null} onMore={() => void list.loadMore()} />
      <NewActivityDialog
        mode={mode()}
        related={props.related}
        onClose={() => setMode(undefined)}
        onCreated={(activity) => {
          list.setItems((items) => [activity, ...items]);
          setNotice(t('sales.activity.saved'));
        }}
      />
      <DoneDialog
        activity={finishing()}
        onClose={() => setFinishing(undefined)}
        onDone={(activity) => {
          replace(activity);
          setNotice(t('sales.activity.doneSaved'));
        }}
      />
    </section>
  );
}
