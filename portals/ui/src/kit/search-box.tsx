import { createSignal, onCleanup } from 'solid-js';
import { Field } from './field';

type SearchBoxProps = {
  label: string;
  hint?: string;
  onSearch: (query: string) => void;
  /** Wait this long after the last keystroke, so typing a name costs one request. */
  delayMs?: number;
};

export function SearchBox(props: SearchBoxProps) {
  const [value, setValue] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const input = (next: string) => {
    setValue(next);
    clearTimeout(timer);
    timer = setTimeout(() => props.onSearch(next.trim()), props.delayMs ?? 300);
  };
  return (
    <form
      role="search"
      class="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer);
        props.onSearch(value().trim());
      }}
    >
      <Field type="search" label={props.label} hint={props.hint} value={value()} onInput={input} plain autocomplete="off" />
    </form>
  );
}
