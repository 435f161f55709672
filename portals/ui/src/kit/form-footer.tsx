import { createSignal } from 'solid-js';
import { MessageAlert, ErrorAlert } from './alert';
import { createSubmission } from './submission';
import { t } from './i18n';

type FormFooterProps = {
  /** A problem found before sending (a field the browser cannot check). */
  problem: string | undefined;
  submission: Pick<ReturnType<typeof createSubmission>, 'busy' | 'error'>;
  label: string;
  /** The button's text while busy; "Saving…" unless given. */
  busyLabel?: string;
};

/** The end of a dialog form: the problem, the API error, then the submit button. */
export function FormFooter(props: FormFooterProps) {
  return (
    <>
      <MessageAlert message={props.problem} />
      <ErrorAlert error={props.submission.error()} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.submission.busy()}>
          {props.submission.busy() ? (props.busyLabel ?? t('common.saving')) : props.label}
        </button>
      </div>
    </>
  );
}

/**
 * The state of a dialog's form: the problem found before sending, its submission, `close` that
 * forgets both, and `onSubmit` for the `<form>` (no page load; the last problem is cleared before
 * `handler` checks the fields again).
 */
export function createDialogForm(onClose: () => void) {
  const [problem, setProblem] = createSignal<string>();
  const submission = createSubmission();
  return {
    problem,
    setProblem,
    submission,
    close() {
      setProblem(undefined);
      submission.setError(undefined);
      onClose();
    },
    onSubmit: (handler: () => unknown) => (event: SubmitEvent) => {
      event.preventDefault();
      setProblem(undefined);
      void handler();
    },
  };
}
