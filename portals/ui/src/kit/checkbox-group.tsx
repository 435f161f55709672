import { createUniqueId, For, Show } from 'solid-js';

type CheckboxGroupProps<T extends string> = {
  legend: string;
  /** Every choice, in the order shown (and the order of `onChange`'s list). */
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  label: (option: T) => string;
  name?: string;
  hint?: string;
  error?: string;
};

/** A fieldset of checkboxes for picking several of a fixed list (roles, statuses, channels, members). */
export function CheckboxGroup<T extends string>(props: CheckboxGroupProps<T>) {
  const id = createUniqueId();
  const describedBy = () => [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const toggle = (option: T, on: boolean) => props.onChange(props.options.filter((candidate) => (candidate === option ? on : props.value.includes(candidate))));
  return (
    <fieldset class="field checkbox-group" aria-describedby={describedBy()}>
      <legend>{props.legend}</legend>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <For each={props.options}>
        {(option) => (
          <label class="checkbox">
            <input type="checkbox" name={props.name} value={option} checked={props.value.includes(option)} onChange={(e) => toggle(option, e.currentTarget.checked)} />
            {props.label(option)}
          </label>
        )}
      </For>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}
