import { createSignal, createUniqueId, For, Show } from 'solid-js';

type ValueListProps = {
  /** The legend of the list. */
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** The label of the input for a new value. */
  inputLabel: string;
  addLabel: string;
  /** The visible text of each value's remove button (its accessible name adds the value). */
  removeLabel: string;
  /** Shown when the list is empty. */
  empty: string;
  /** Shown when the new value is empty or the browser finds it invalid (e-mail, date). */
  invalid: string;
  duplicate: string;
  type?: 'text' | 'email' | 'date';
  maxLength?: number;
  hint?: string;
  /** A problem the API found with the list or one of its values. */
  error?: string;
  /** How a value reads in the list (a formatted date); the value itself otherwise. */
  display?: (value: string) => string;
  /** Keep the values sorted (dates). */
  sorted?: boolean;
};

/**
 * A list of short values (dates, categories, e-mail addresses) with an input to add one (Enter or
 * the button) and a remove button per value; focus returns to the input after a removal.
 */
export function ValueList(props: ValueListProps) {
  const id = createUniqueId();
  const [draft, setDraft] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  let input: HTMLInputElement | undefined;
  const shown = (value: string) => (props.display ? props.display(value) : value);
  const message = () => problem() ?? props.error;

  const add = () => {
    const value = draft().trim();
    if (!value || !input?.checkValidity()) return setProblem(props.invalid);
    if (props.values.some((existing) => existing.toLowerCase() === value.toLowerCase())) return setProblem(props.duplicate);
    const next = [...props.values, value];
    props.onChange(props.sorted ? next.sort() : next);
    setDraft('');
    setProblem(undefined);
  };
  const remove = (value: string) => {
    props.onChange(props.values.filter((existing) => existing !== value));
    input?.focus();
  };

  return (
    <fieldset class="field value-list">
      <legend>{props.label}</legend>
      <Show when={props.hint}>
        <p class="field-hint">{props.hint}</p>
      </Show>
      <Show when={props.values.length > 0} fallback={<p class="empty">{props.empty}</p>}>
        <ul class="value-chips">
          <For each={props.values}>
            {(value) => (
              <li>
                <span>{shown(value)}</span>
                <button type="button" class="button button-ghost" onClick={() => remove(value)}>
                  {props.removeLabel}
                  <span class="visually-hidden"> {shown(value)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="inline-form">
        <div class="field">
          <label for={id}>{props.inputLabel}</label>
          <input
            ref={input}
            id={id}
            type={props.type ?? 'text'}
            maxLength={props.maxLength}
            value={draft()}
            aria-invalid={message() ? true : undefined}
            aria-describedby={message() ? `${id}-error` : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter adds the value here instead of submitting the surrounding form.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              add();
            }}
          />
        </div>
        <button type="button" class="button button-secondary" onClick={add}>
          {props.addLabel}
        </button>
      </div>
      <Show when={message()}>
        <p class="field-error" id={`${id}-error`}>
          {message()}
        </p>
      </Show>
    </fieldset>
  );
}
