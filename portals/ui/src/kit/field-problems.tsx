import { createMemo, createSignal, For, Show } from 'solid-js';
import { ApiError } from '../api/client';

/** Problems by field path as the API names it ("targets.urgent.firstResponseMinutes"), each a sentence. */
export type Problems = Record<string, string>;

/** The fields an error's details name (a 400's, or a 422's), first message per field; none for any other error. */
export function apiProblems(error: unknown): Problems {
  if (!(error instanceof ApiError)) return {};
  const problems: Problems = {};
  for (const { path, message } of error.details ?? []) if (path !== undefined && message !== undefined && !(path in problems)) problems[path] = message;
  return problems;
}

/**
 * The problems of a form: those found before sending (`check`) over those the API answered
 * with its submission `error`; `at(path)` is the first for that field or anything inside it.
 */
export function createProblems(error: () => unknown) {
  const [found, setFound] = createSignal<Problems>({});
  const all = createMemo<Problems>(() => ({ ...apiProblems(error()), ...found() }));
  return {
    all,
    /** Replaces the problems found before sending; true when there are none. */
    check(next: Problems): boolean {
      setFound(next);
      return Object.keys(next).length === 0;
    },
    at(path: string): string | undefined {
      const problems = all();
      return problems[path] ?? Object.entries(problems).find(([key]) => key.startsWith(`${path}.`))?.[1];
    },
  };
}

type ProblemSummaryProps = {
  title: string;
  problems: Problems;
  /** The label of the field at a path, as the form shows it. */
  label: (path: string) => string;
};

/** The list of fields to correct, announced when it appears; each field also shows its own problem. */
export function ProblemSummary(props: ProblemSummaryProps) {
  return (
    <Show when={Object.keys(props.problems).length > 0}>
      <div class="alert alert-error" role="alert">
        <p>{props.title}</p>
        <ul>
          <For each={Object.entries(props.problems)}>
            {([path, message]) => (
              <li>
                {props.label(path)}: {message}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
