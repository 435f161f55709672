import { For } from 'solid-js';

type FilterTabsProps<T extends string> = {
  /** The group's accessible name: what the tabs filter by. */
  groupLabel: string;
  /** Every choice, in the order shown. */
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
};

/** The filters above a list (a queue, a status) as a row of toggle buttons; the pressed one is the list shown. */
export function FilterTabs<T extends string>(props: FilterTabsProps<T>) {
  return (
    <div class="tabs" role="group" aria-label={props.groupLabel}>
      <For each={props.options}>
        {(option) => (
          <button type="button" class="tab" aria-pressed={props.value === option} onClick={() => props.onChange(option)}>
            {props.label(option)}
          </button>
        )}
      </For>
    </div>
  );
}
