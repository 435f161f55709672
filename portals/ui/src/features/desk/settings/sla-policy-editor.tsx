import { createSignal, createUniqueId, onMount, Show, type JSX } from 'solid-js';
import { api } from '../../../api/endpoints';
import { ACCOUNT_TIERS, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, type SlaPolicy, type SlaPolicyCreate, type TicketPriority, type Weekday } from '../../../api/types';
import { ErrorAlert } from '../../../kit/alert';
import { CheckboxGroup } from '../../../kit/checkbox-group';
import { ConfirmDialog } from '../../../kit/confirm-dialog';
import { Field } from '../../../kit/field';
import { createProblems, ProblemSummary, type Problems } from '../../../kit/field-problems';
import { ConflictAlert, RecordView, useRecord } from '../../../kit/record-view';
import { useFormValues } from '../../../kit/record-form';
import { draftOf, MAX_RANK, policyBody, type DayDraft, type DraftProblems, type DurationDraft, type TargetDraft } from './sla-policy-form';
import { createSubmission } from '../../../kit/submission';
import { channelLabel, priorityLabel, statusLabel, tierLabel } from '../ticket';
import { ValueList } from '../../../kit/value-list';
import { CategoryList } from '../category-list';
import { BusinessHoursField, isWeekday, weekdayLabel } from './sla-policy-hours';
import { TargetsField, TARGET_FIELDS } from './sla-policy-targets';
import { intlLocale } from '../../../kit/format';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

const isPriority = (value: string | undefined): value is TicketPriority => (TICKET_PRIORITIES as readonly string[]).includes(value ?? '');

/** The label of the field at an API path, for the list of problems. */
function fieldLabel(path: string): string {
  const [head, second, third] = path.split('.');
  switch (head) {
    case 'name':
      return t('common.name');
    case 'timeZone':
      return t('desk.slaPolicy.timeZone');
    case 'businessHours':
      return isWeekday(second) ? weekdayLabel(second) : t('desk.slaPolicy.hours');
    case 'holidays':
      return t('desk.slaPolicy.holidays');
    case 'targets':
      return isPriority(second) ? t('desk.slaPolicy.targetOf', { priority: priorityLabel(second), what: t(third === 'resolutionMinutes' ? TARGET_FIELDS.resolutionMinutes : TARGET_FIELDS.firstResponseMinutes) }) : t('desk.slaPolicy.targetsTitle');
    case 'pauseStatuses':
      return t('desk.slaPolicy.pauseStatuses');
    case 'appliesTo':
      return second === 'channels' ? t('desk.slaPolicy.channels') : second === 'accountTiers' ? t('desk.slaPolicy.tiers') : t('common.categories');
    case 'rank':
      return t('desk.slaPolicy.rank');
    default:
      return path;
  }
}

/** A holiday ("2026-12-24") as the locale writes a date; read in UTC, where the ISO date is midnight, so it never shifts a day. */
const holidayText = (date: string) => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date));

const translate = (problems: DraftProblems): Problems => Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, t(problem.key, problem.params)]));

type PolicyEditorProps = {
  /** The saved policy; none for a new one. */
  base?: SlaPolicy;
  busy: boolean;
  /** The error of the last save: a 400 marks its fields, any other shows as `children`. */
  error: unknown;
  onSave: (body: SlaPolicyCreate) => void;
  onCancel: () => void;
  /** The save's error alert (with "Reload" after a conflict), shown when no field is to blame. */
  children: JSX.Element;
};

/**
 * The SLA policy form: name, time zone, rank and active; business hours per weekday; holidays;
 * first response and resolution per priority (hours and minutes of business time); pause
 * statuses; which tickets it applies to. Switching an active policy off asks first.
 */
function PolicyEditor(props: PolicyEditorProps) {
  const { values: draft, set } = useFormValues(draftOf(props.base));
  const setDay = (day: Weekday, patch: Partial<DayDraft>) => set('days')({ ...draft().days, [day]: { ...draft().days[day], ...patch } });
  const setTarget = (priority: TicketPriority, key: keyof TargetDraft, value: DurationDraft) =>
    set('targets')({ ...draft().targets, [priority]: { ...draft().targets[priority], [key]: value } });
  const problems = createProblems(() => props.error);
  const [deactivating, setDeactivating] = createSignal<SlaPolicyCreate>();
  const headingId = createUniqueId();
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = policyBody(draft());
    if ('problems' in result) return void problems.check(translate(result.problems));
    problems.check({});
    if (props.base?.active && !result.body.active) return void setDeactivating(result.body);
    props.onSave(result.body);
  };

  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabindex="-1">
        {props.base ? t('desk.slaPolicy.editTitle', { name: props.base.name }) : t('desk.slaPolicy.newTitle')}
      </h2>
      <form class="form" onSubmit={submit}>
        <Field label={t('common.name')} name="name" required maxLength={120} value={draft().name} onInput={set('name')} error={problems.at('name')} />
        <Field
          label={t('desk.slaPolicy.timeZone')}
          name="timeZone"
          required
          maxLength={64}
          hint={t('desk.slaPolicy.timeZoneHint')}
          value={draft().timeZone}
          onInput={set('timeZone')}
          error={problems.at('timeZone')}
        />

        <BusinessHoursField days={draft().days} onDay={setDay} problemAt={problems.at} weekProblem={problems.all().businessHours} />

        <ValueList
          label={t('desk.slaPolicy.holidays')}
          hint={t('desk.slaPolicy.holidaysHint')}
          type="date"
          values={draft().holidays}
          onChange={set('holidays')}
          inputLabel={t('desk.slaPolicy.holiday')}
          addLabel={t('desk.slaPolicy.holidayAdd')}
          removeLabel={t('common.remove')}
          empty={t('desk.slaPolicy.holidaysNone')}
          invalid={t('desk.slaPolicy.problem.holiday')}
          duplicate={t('desk.admin.duplicate')}
          display={holidayText}
          sorted
          error={problems.at('holidays')}
        />

        <TargetsField targets={draft().targets} onTarget={setTarget} problemAt={problems.at} />

        <CheckboxGroup
          legend={t('desk.slaPolicy.pauseStatuses')}
          hint={t('desk.slaPolicy.pauseHint')}
          options={TICKET_STATUSES}
          value={draft().pauseStatuses}
          onChange={set('pauseStatuses')}
          label={statusLabel}
          error={problems.at('pauseStatuses')}
        />

        <fieldset class="field">
          <legend>{t('desk.slaPolicy.appliesTo')}</legend>
          <p class="field-hint">{t('desk.slaPolicy.appliesToHint')}</p>
          <div class="form">
            <CategoryList
              label={t('common.categories')}
              values={draft().categories}
              onChange={set('categories')}
              empty={t('desk.slaPolicy.anyCategory')}
              error={problems.at('appliesTo.categories')}
            />
            <CheckboxGroup
              legend={t('desk.slaPolicy.channels')}
              hint={t('desk.slaPolicy.noneTicked')}
              options={TICKET_CHANNELS}
              value={draft().channels}
              onChange={set('channels')}
              label={channelLabel}
              error={problems.at('appliesTo.channels')}
            />
            <CheckboxGroup
              legend={t('desk.slaPolicy.tiers')}
              hint={t('desk.slaPolicy.noneTicked')}
              options={ACCOUNT_TIERS}
              value={draft().accountTiers}
              onChange={set('accountTiers')}
              label={tierLabel}
              error={problems.at('appliesTo.accountTiers')}
            />
          </div>
        </fieldset>

        <Field
          label={t('desk.slaPolicy.rank')}
          name="rank"
          type="number"
          min={0}
          max={MAX_RANK}
          step={1}
          inputMode="numeric"
          required
          hint={t('desk.slaPolicy.rankHint')}
          value={draft().rank}
          onInput={set('rank')}
          error={problems.at('rank')}
        />
        <label class="checkbox">
          <input type="checkbox" name="active" checked={draft().active} onChange={(e) => set('active')(e.currentTarget.checked)} />
          {t('desk.slaPolicy.activeLabel')}
        </label>

        <ProblemSummary title={t('desk.admin.fix')} problems={problems.all()} label={fieldLabel} />
        <Show when={Object.keys(problems.all()).length === 0}>{props.children}</Show>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={props.busy}>
            {props.busy ? t('common.saving') : props.base ? t('common.save') : t('desk.slaPolicy.create')}
          </button>
          <button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={deactivating() !== undefined}
        title={t('desk.slaPolicy.deactivateTitle', { name: props.base?.name ?? '' })}
        message={t('desk.slaPolicy.deactivateMessage')}
        confirmLabel={t('desk.slaPolicy.deactivate')}
        onClose={() => setDeactivating(undefined)}
        onConfirm={async () => {
          const body = deactivating();
          if (body) props.onSave(body);
        }}
      />
    </section>
  );
}

type EditorPanelProps = { onSaved: (policy: SlaPolicy) => void; onCancel: () => void };

function NewPolicy(props: EditorPanelProps) {
  const submission = createSubmission();
  return (
    <PolicyEditor
      busy={submission.busy()}
      error={submission.error()}
      onCancel={props.onCancel}
      onSave={(body) => void submission.run(async (key) => props.onSaved(await api.slaPolicies.create(body, key)))}
    >
      <ErrorAlert error={submission.error()} />
    </PolicyEditor>
  );
}

/** The policy as stored now (not the list's copy), saved with If-Match; "Reload" after a conflict refills the form. */
function EditPolicy(props: EditorPanelProps & { id: string }) {
  const record = useRecord(
    () => api.slaPolicies.get(props.id),
    () => undefined,
  );
  const save = () => record.save;
  return (
    <RecordView record={record}>
      {(current) => (
        <Show when={current().version} keyed>
          <PolicyEditor
            base={current()}
            busy={save().busy()}
            error={save().error()}
            onCancel={props.onCancel}
            onSave={(body) => void save().submit(async () => props.onSaved(await api.slaPolicies.update(current().id, current().version, body)))}
          >
            <ConflictAlert submission={save()} onReload={() => save().reload()} />
          </PolicyEditor>
        </Show>
      )}
    </RecordView>
  );
}

type PolicyPanelProps = {
  /** The policy to edit, `null` for a new one. */
  id: string | null;
  onSaved: (policy: SlaPolicy, created: boolean) => void;
  onCancel: () => void;
};

/** The form for a new policy or for the stored one with that id. */
export function PolicyPanel(props: PolicyPanelProps) {
  return (
    <Show when={props.id} fallback={<NewPolicy onSaved={(policy) => props.onSaved(policy, true)} onCancel={props.onCancel} />}>
      {(id) => <EditPolicy id={id()} onSaved={(policy) => props.onSaved(policy, false)} onCancel={props.onCancel} />}
    </Show>
  );
}
