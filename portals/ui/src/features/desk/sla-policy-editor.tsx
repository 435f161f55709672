import { createSignal, createUniqueId, For, onMount, Show, type JSX } from 'solid-js';
import { api } from '../../api/endpoints';
import { ACCOUNT_TIERS, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, WEEKDAYS, type SlaPolicy, type SlaPolicyCreate, type TicketPriority, type Weekday } from '../../api/types';
import { ErrorAlert } from '../../kit/alert';
import { CheckboxGroup } from '../../kit/checkbox-group';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { Field } from '../../kit/field';
import { createProblems, ProblemSummary, type Problems } from '../../kit/field-problems';
import { ConflictAlert, RecordView, useRecord } from '../../kit/record-view';
import { useFormValues } from '../../kit/record-form';
import { draftOf, MAX_RANK, policyBody, type DayDraft, type DraftProblems, type DurationDraft, type TargetDraft } from './sla-policy-form';
import { createSubmission } from '../../kit/submission';
import { channelLabel, priorityLabel, statusLabel } from './ticket';
import { ValueList } from '../../kit/value-list';
import { CategoryList } from './category-list';
import { intlLocale } from '../../kit/format';
import { t } from '../../kit/i18n';
import { tierLabel, tsa } from './texts/service-admin';
import { tsl, weekdayLabel } from './texts/sla-admin';

const TARGET_FIELDS = { firstResponseMinutes: 'slaDesk.firstResponse', resolutionMinutes: 'slaDesk.resolution' } as const;

const isWeekday = (value: string | undefined): value is Weekday => (WEEKDAYS as readonly string[]).includes(value ?? '');
const isPriority = (value: string | undefined): value is TicketPriority => (TICKET_PRIORITIES as readonly string[]).includes(value ?? '');

/** The label of the field at an API path, for the list of problems. */
function fieldLabel(path: string): string {
  const [head, second, third] = path.split('.');
  switch (head) {
    case 'name':
      return t('common.name');
    case 'timeZone':
      return tsl('slaDesk.timeZone');
    case 'businessHours':
      return isWeekday(second) ? weekdayLabel(second) : tsl('slaDesk.hours');
    case 'holidays':
      return tsl('slaDesk.holidays');
    case 'targets':
      return isPriority(second) ? tsl('slaDesk.targetOf', { priority: priorityLabel(second), what: tsl(third === 'resolutionMinutes' ? TARGET_FIELDS.resolutionMinutes : TARGET_FIELDS.firstResponseMinutes) }) : tsl('slaDesk.targetsTitle');
    case 'pauseStatuses':
      return tsl('slaDesk.pauseStatuses');
    case 'appliesTo':
      return second === 'channels' ? tsl('slaDesk.channels') : second === 'accountTiers' ? tsl('slaDesk.tiers') : tsl('slaDesk.categories');
    case 'rank':
      return tsl('slaDesk.rank');
    default:
      return path;
  }
}

/** A holiday ("2026-12-24") as the locale writes a date; read in UTC, where the ISO date is midnight, so it never shifts a day. */
const holidayText = (date: string) => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date));

const translate = (problems: DraftProblems): Problems => Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, tsl(problem.key, problem.params)]));

/** Hours and minutes of one target; the legend (visually hidden) says which, the table around it shows it. */
function DurationInput(props: { legend: string; value: DurationDraft; onChange: (value: DurationDraft) => void; error?: string }) {
  const id = createUniqueId();
  const invalid = () => (props.error ? true : undefined);
  const errorId = () => (props.error ? `${id}-error` : undefined);
  return (
    <fieldset class="duration-input">
      <legend class="visually-hidden">{props.legend}</legend>
      <div class="inline-fields">
        <input
          id={`${id}-h`}
          class="input-number"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={props.value.hours}
          aria-invalid={invalid()}
          aria-describedby={errorId()}
          onInput={(e) => props.onChange({ ...props.value, hours: e.currentTarget.value })}
        />
        <label for={`${id}-h`}>{tsl('slaDesk.hoursUnit')}</label>
        <input
          id={`${id}-m`}
          class="input-number"
          type="number"
          min={0}
          max={59}
          step={1}
          inputMode="numeric"
          value={props.value.minutes}
          aria-invalid={invalid()}
          aria-describedby={errorId()}
          onInput={(e) => props.onChange({ ...props.value, minutes: e.currentTarget.value })}
        />
        <label for={`${id}-m`}>{tsl('slaDesk.minutesUnit')}</label>
      </div>
      <Show when={props.error}>
        <p class="field-error" id={errorId()}>
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}

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
        {props.base ? tsl('slaDesk.editTitle', { name: props.base.name }) : tsl('slaDesk.newTitle')}
      </h2>
      <form class="form" onSubmit={submit}>
        <Field label={t('common.name')} name="name" required maxLength={120} value={draft().name} onInput={set('name')} error={problems.at('name')} />
        <Field
          label={tsl('slaDesk.timeZone')}
          name="timeZone"
          required
          maxLength={64}
          hint={tsl('slaDesk.timeZoneHint')}
          value={draft().timeZone}
          onInput={set('timeZone')}
          error={problems.at('timeZone')}
        />

        <fieldset class="field">
          <legend>{tsl('slaDesk.hours')}</legend>
          <p class="field-hint">{tsl('slaDesk.hoursHint')}</p>
          <div class="table-scroll">
            <table class="table hours-table">
              <thead>
                <tr>
                  <th scope="col">{tsl('slaDesk.openOn')}</th>
                  <th scope="col">{tsl('slaDesk.opens')}</th>
                  <th scope="col">{tsl('slaDesk.closes')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={WEEKDAYS}>
                  {(day) => {
                    const id = createUniqueId();
                    const error = () => problems.at(`businessHours.${day}`);
                    const time = (edge: 'start' | 'end', label: string) => (
                      <td>
                        <label class="visually-hidden" for={`${id}-${edge}`}>
                          {label}
                        </label>
                        <input
                          id={`${id}-${edge}`}
                          type="time"
                          required={draft().days[day].open}
                          disabled={!draft().days[day].open}
                          value={draft().days[day][edge]}
                          aria-invalid={error() ? true : undefined}
                          aria-describedby={error() ? `${id}-error` : undefined}
                          onInput={(e) => setDay(day, { [edge]: e.currentTarget.value })}
                        />
                        <Show when={edge === 'end' && error()}>
                          <p class="field-error" id={`${id}-error`}>
                            {error()}
                          </p>
                        </Show>
                      </td>
                    );
                    return (
                      <tr>
                        <th scope="row">
                          <label class="checkbox">
                            <input type="checkbox" checked={draft().days[day].open} onChange={(e) => setDay(day, { open: e.currentTarget.checked })} />
                            {weekdayLabel(day)}
                          </label>
                        </th>
                        {time('start', tsl('slaDesk.opensOn', { day: weekdayLabel(day) }))}
                        {time('end', tsl('slaDesk.closesOn', { day: weekdayLabel(day) }))}
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={problems.all().businessHours}>
            <p class="field-error">{problems.all().businessHours}</p>
          </Show>
        </fieldset>

        <ValueList
          label={tsl('slaDesk.holidays')}
          hint={tsl('slaDesk.holidaysHint')}
          type="date"
          values={draft().holidays}
          onChange={set('holidays')}
          inputLabel={tsl('slaDesk.holiday')}
          addLabel={tsl('slaDesk.holidayAdd')}
          removeLabel={tsa('admin.remove')}
          empty={tsl('slaDesk.holidaysNone')}
          invalid={tsl('slaDesk.problem.holiday')}
          duplicate={tsa('admin.duplicate')}
          display={holidayText}
          sorted
          error={problems.at('holidays')}
        />

        <fieldset class="field">
          <legend>{tsl('slaDesk.targetsTitle')}</legend>
          <p class="field-hint">{tsl('slaDesk.targetsHint')}</p>
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{tsl('slaDesk.priority')}</th>
                  <th scope="col">{tsl('slaDesk.firstResponse')}</th>
                  <th scope="col">{tsl('slaDesk.resolution')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={TICKET_PRIORITIES}>
                  {(priority) => (
                    <tr>
                      <th scope="row">{priorityLabel(priority)}</th>
                      <For each={['firstResponseMinutes', 'resolutionMinutes'] as const}>
                        {(field) => {
                          const key = field === 'firstResponseMinutes' ? 'first' : 'resolution';
                          return (
                            <td>
                              <DurationInput
                                legend={tsl('slaDesk.targetOf', { priority: priorityLabel(priority), what: tsl(TARGET_FIELDS[field]) })}
                                value={draft().targets[priority][key]}
                                onChange={(value) => setTarget(priority, key, value)}
                                error={problems.at(`targets.${priority}.${field}`)}
                              />
                            </td>
                          );
                        }}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </fieldset>

        <CheckboxGroup
          legend={tsl('slaDesk.pauseStatuses')}
          hint={tsl('slaDesk.pauseHint')}
          options={TICKET_STATUSES}
          value={draft().pauseStatuses}
          onChange={set('pauseStatuses')}
          label={statusLabel}
          error={problems.at('pauseStatuses')}
        />

        <fieldset class="field">
          <legend>{tsl('slaDesk.appliesTo')}</legend>
          <p class="field-hint">{tsl('slaDesk.appliesToHint')}</p>
          <div class="form">
            <CategoryList
              label={tsl('slaDesk.categories')}
              values={draft().categories}
              onChange={set('categories')}
              empty={tsl('slaDesk.anyCategory')}
              error={problems.at('appliesTo.categories')}
            />
            <CheckboxGroup
              legend={tsl('slaDesk.channels')}
              hint={tsl('slaDesk.noneTicked')}
              options={TICKET_CHANNELS}
              value={draft().channels}
              onChange={set('channels')}
              label={channelLabel}
              error={problems.at('appliesTo.channels')}
            />
            <CheckboxGroup
              legend={tsl('slaDesk.tiers')}
              hint={tsl('slaDesk.noneTicked')}
              options={ACCOUNT_TIERS}
              value={draft().accountTiers}
              onChange={set('accountTiers')}
              label={tierLabel}
              error={problems.at('appliesTo.accountTiers')}
            />
          </div>
        </fieldset>

        <Field
          label={tsl('slaDesk.rank')}
          name="rank"
          type="number"
          min={0}
          max={MAX_RANK}
          step={1}
          inputMode="numeric"
          required
          hint={tsl('slaDesk.rankHint')}
          value={draft().rank}
          onInput={set('rank')}
          error={problems.at('rank')}
        />
        <label class="checkbox">
          <input type="checkbox" name="active" checked={draft().active} onChange={(e) => set('active')(e.currentTarget.checked)} />
          {tsl('slaDesk.activeLabel')}
        </label>

        <ProblemSummary title={tsa('admin.fix')} problems={problems.all()} label={fieldLabel} />
        <Show when={Object.keys(problems.all()).length === 0}>{props.children}</Show>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={props.busy}>
            {props.busy ? t('common.saving') : props.base ? t('common.save') : tsl('slaDesk.create')}
          </button>
          <button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={deactivating() !== undefined}
        title={tsl('slaDesk.deactivateTitle', { name: props.base?.name ?? '' })}
        message={tsl('slaDesk.deactivateMessage')}
        confirmLabel={tsl('slaDesk.deactivate')}
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
