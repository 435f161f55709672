import { createSignal } from 'solid-js';
import { ErrorAlert } from './alert';
import { Dialog } from './dialog';
import { Field } from './field';
import { createSubmission } from './submission';
import { t } from './i18n';

type ReasonDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The question above the reason field. */
  text: string;
  reasonLabel: string;
  submitLabel: string;
  /** Sends the (trimmed, non-empty) reason with the Idempotency-Key; the dialog closes when it succeeds. */
  submit: (reason: string, idempotencyKey: string) => Promise<void>;
};

/** A dialog that asks why before a closing action (disqualify a lead, lose an opportunity). */
export function ReasonDialog(props: ReasonDialogProps) {
  const [reason, setReason] = createSignal('');
  const submission = createSubmission();
  const close = () => {
    submission.setError(undefined);
    props.onClose();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!reason().trim()) return;
    await submission.run(async (key) => {
      await props.submit(reason().trim(), key);
      props.onClose();
    });
  };
  return (
    <Dialog open={props.open} title={props.title} onClose={close}>
      <form class="form" onSubmit={(e) => void submit(e)}>
        <p>{props.text}</p>
        <Field label={props.reasonLabel} name="reason" multiline required autofocus maxLength={500} value={reason()} onInput={setReason} />
        <ErrorAlert error={submission.error()} />
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-danger" disabled={submission.busy()}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
