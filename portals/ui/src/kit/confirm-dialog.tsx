import { createSignal } from 'solid-js';
import { Dialog } from './dialog';
import { ErrorAlert } from './alert';
import { t } from './i18n';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** `primary` for a positive act (accept, confirm); destructive actions keep the default. */
  tone?: 'danger' | 'primary';
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** Asks before a destructive or binding action; keeps the dialog open with the error if it fails. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const close = () => {
    setError(undefined);
    props.onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={props.open} title={props.title} onClose={close}>
      <p>{props.message}</p>
      <ErrorAlert error={error()} />
      <div class="actions">
        {/* Cancel first and focused: the safe choice is the default. */}
        <button type="button" class="button button-secondary" autofocus onClick={close}>
          {t('common.cancel')}
        </button>
        <button type="button" class={`button button-${props.tone ?? 'danger'}`} disabled={busy()} onClick={() => void confirm()}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
