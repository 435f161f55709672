import { createUniqueId, For, Show } from 'solid-js';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../api/types';
import type { DurationDraft, TargetDraft } from './sla-policy-form';
import { priorityLabel } from '../ticket';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

export const TARGET_FIELDS = { firstResponseMinutes: 'desk.slaPolicy.firstResponse', resolutionMinutes: 'desk.slaPolicy.resolution' } as const;

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
        <label for={`${id}-h`}>{t('desk.slaPolicy.hoursUnit')}</label>
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
        <label for={`${id}-m`}>{t('desk.slaPolicy.minutesUnit')}</label>
      </div>
      <Show when={props.error}>
        <p class="field-error" id={errorId()}>
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}

type TargetsProps = {
  targets: Record<TicketPriority, TargetDraft>;
  onTarget: (priority: TicketPriority, key: keyof TargetDraft, value: DurationDraft) => void;
  /** The problem of a field path (`targets.urgent.firstResponseMinutes`). */
  problemAt: (path: string) => string | undefined;
};

/** An SLA policy's targets: first response and resolution per priority, in hours and minutes of business time. */
export function TargetsField(props: TargetsProps) {
  return (
    <fieldset class="field">
      <legend>{t('desk.slaPolicy.targetsTitle')}</legend>
      <p class="field-hint">{t('desk.slaPolicy.targetsHint')}</p>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('common.priority')}</th>
              <th scope="col">{t('desk.slaPolicy.firstResponse')}</th>
              <th scope="col">{t('desk.slaPolicy.resolution')}</th>
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
                            legend={t('desk.slaPolicy.targetOf', { priority: priorityLabel(priority), what: t(TARGET_FIELDS[field]) })}
                            value={props.targets[priority][key]}
                            onChange={(value) => props.onTarget(priority, key, value)}
                            error={props.problemAt(`targets.${priority}.${field}`)}
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
  );
}
