import { children, Show, type Component, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { ErrorAlert } from './alert';
import { Dialog } from './dialog';
import type { RecordFormProps } from './record-form';
import { createSubmission } from './submission';

type CreateDialogProps<V> = {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  form: Component<RecordFormProps<V>>;
  /** Creates the record (with the Idempotency-Key) and answers the address of its page. */
  create: (values: V, idempotencyKey: string) => Promise<string>;
};

/** "New …" dialog: the record's form, then straight to the new record's page. */
export function CreateDialog<V>(props: CreateDialogProps<V>) {
  const submission = createSubmission();
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      <Dynamic
        component={props.form}
        busy={submission.busy()}
        submitLabel={props.submitLabel}
        onSubmit={(values: V) =>
          void submission.run(async (key) => {
            window.location.assign(await props.create(values, key));
          })
        }
      >
        <ErrorAlert error={submission.error()} />
      </Dynamic>
    </Dialog>
  );
}

/** The toolbar of a list page: its search or filter, then the "New …" button (after `actions`, other buttons or links beside it). */
export function ListToolbar(props: { newLabel: string; onNew: () => void; children: JSX.Element; actions?: JSX.Element }) {
  // Resolved once: `actions` may render nothing (a Show that is off), and then no wrapper either.
  const actions = children(() => props.actions);
  const newButton = () => (
    <button type="button" class="button button-primary" onClick={() => props.onNew()}>
      {props.newLabel}
    </button>
  );
  return (
    <div class="toolbar">
      {props.children}
      <Show when={actions()} fallback={newButton()}>
        <div class="actions">
          {actions()}
          {newButton()}
        </div>
      </Show>
    </div>
  );
}
