import { createUniqueId, For, Show, type JSX } from 'solid-js';
import { t } from './i18n';

type FieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  name?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'number' | 'date' | 'datetime-local';
  min?: number;
  max?: number;
  step?: number | 'any';
  inputMode?: 'numeric' | 'decimal';
  required?: boolean;
  autocomplete?: JSX.HTMLAutocomplete;
  hint?: string;
  error?: string;
  minLength?: number;
  maxLength?: number;
  multiline?: boolean;
  autofocus?: boolean;
  readOnly?: boolean;
  /** No "(optional)" mark, for fields that are not part of a record (search). */
  plain?: boolean;
};

/** A labelled input or textarea with its hint and error wired to aria-describedby. */
export function Field(props: FieldProps) {
  const id = createUniqueId();
  const describedBy = () =>
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = () => ({
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(),
    autofocus: props.autofocus,
    readOnly: props.readOnly,
    maxLength: props.maxLength,
  });
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        <Show when={!props.required && !props.readOnly && !props.plain}>
          <span class="field-optional"> ({t('common.optional')})</span>
        </Show>
      </label>
      <Show
        when={props.multiline}
        fallback={
          <input
            {...common()}
            type={props.type ?? 'text'}
            value={props.value}
            autocomplete={props.autocomplete}
            minLength={props.minLength}
            min={props.min}
            max={props.max}
            step={props.step}
            inputMode={props.inputMode}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        }
      >
        <textarea {...common()} rows={4} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      </Show>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

type SelectProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  name?: string;
};

export function SelectField(props: SelectProps) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
