import { createUniqueId, For, Show } from 'solid-js';
import { WEEKDAYS, type Weekday } from '../../../api/types';
import type { DayDraft } from './sla-policy-form';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

export const isWeekday = (value: string | undefined): value is Weekday => (WEEKDAYS as readonly string[]).includes(value ?? '');
export const weekdayLabel = (day: Weekday) => t(`desk.weekday.${day}`);

type BusinessHoursProps = {
  days: Record<Weekday, DayDraft>;
  onDay: (day: Weekday, patch: Partial<DayDraft>) => void;
  /** The problem of a field path (`businessHours.mon`). */
  problemAt: (path: string) => string | undefined;
  /** The problem of the week as a whole (no day open). */
  weekProblem: string | undefined;
};

/** An SLA policy's business hours: per weekday whether it is open, and its opening and closing time. */
export function BusinessHoursField(props: BusinessHoursProps) {
  return (
    <fieldset class="field">
      <legend>{t('desk.slaPolicy.hours')}</legend>
      <p class="field-hint">{t('desk.slaPolicy.hoursHint')}</p>
      <div class="table-scroll">
        <table class="table hours-table">
          <thead>
            <tr>
              <th scope="col">{t('desk.slaPolicy.openOn')}</th>
              <th scope="col">{t('desk.slaPolicy.opens')}</th>
              <th scope="col">{t('desk.slaPolicy.closes')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={WEEKDAYS}>
              {(day) => {
                const id = createUniqueId();
                const error = () => props.problemAt(`businessHours.${day}`);
                const time = (edge: 'start' | 'end', label: string) => (
                  <td>
                    <label class="visually-hidden" for={`${id}-${edge}`}>
                      {label}
                    </label>
                    <input
                      id={`${id}-${edge}`}
                      type="time"
                      required={props.days[day].open}
                      disabled={!props.days[day].open}
                      value={props.days[day][edge]}
                      aria-invalid={error() ? true : undefined}
                      aria-describedby={error() ? `${id}-error` : undefined}
                      onInput={(e) => props.onDay(day, { [edge]: e.currentTarget.value })}
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
                        <input type="checkbox" checked={props.days[day].open} onChange={(e) => props.onDay(day, { open: e.currentTarget.checked })} />
                        {weekdayLabel(day)}
                      </label>
                    </th>
                    {time('start', t('desk.slaPolicy.opensOn', { day: weekdayLabel(day) }))}
                    {time('end', t('desk.slaPolicy.closesOn', { day: weekdayLabel(day) }))}
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.weekProblem}>
        <p class="field-error">{props.weekProblem}</p>
      </Show>
    </fieldset>
  );
}
