import { createSignal, onMount, Show, type JSX } from 'solid-js';
import { ErrorAlert, Loading, MessageAlert, Notice } from './alert';
import { ConfirmDialog } from './confirm-dialog';
import type { RecordState, VersionedSave } from './record-state';
import { StaffShell, type StaffNavId } from './staff-shell';
import type { createSubmission } from './submission';
import { isConflict } from './errors';
import { t, type MessageKey } from './i18n';
import { queryParam } from './navigation';

// The record's state lives apart from these staff views, so that the customer portal can use it without them.
export { useRecord, useVersionedSave, type RecordState, type VersionedSave } from './record-state';

type RecordPageProps = {
  current: StaffNavId;
  titleKey: MessageKey;
  backHref: string;
  backLabel: string;
  /** The record's view for the `?id=` of the address; `setHeading` titles the page with its name. */
  children: (id: string, setHeading: (heading: string) => void) => JSX.Element;
};

/** A staff page about one record: back link, "not found" without an id, heading from the record. */
export function RecordPage(props: RecordPageProps) {
  const [id, setId] = createSignal<string | null>();
  const [heading, setHeading] = createSignal<string>();
  onMount(() => setId(queryParam('id')));
  return (
    <StaffShell current={props.current} titleKey={props.titleKey} heading={heading()}>
      {() => (
        <>
          <p>
            <a href={props.backHref}>← {props.backLabel}</a>
          </p>
          <Show when={id() !== undefined}>
            <Show when={id()} fallback={<MessageAlert message={t('error.not_found')} />}>
              {(recordId) => props.children(recordId(), setHeading)}
            </Show>
          </Show>
        </>
      )}
    </StaffShell>
  );
}

type RecordViewProps<T> = {
  record: RecordState<T>;
  /** The sections under the "Saved" notice. */
  children: (current: () => T) => JSX.Element;
};

/** Loading, then the load error with a retry, then the record's sections. */
export function RecordView<T>(props: RecordViewProps<T>) {
  return (
    <Show
      when={props.record.record()}
      fallback={
        <Show when={props.record.loadError()} fallback={<Loading />}>
          <ErrorAlert error={props.record.loadError()} onRetry={() => void props.record.fetch()} />
        </Show>
      }
    >
      {(current) => (
        <div class="stack">
          <Notice message={props.record.save.saved()} />
          {props.children(current as () => T)}
        </div>
      )}
    </Show>
  );
}

type ConflictAlertProps = {
  submission: Pick<ReturnType<typeof createSubmission>, 'error'>;
  onReload: () => void;
};

/** The error of a versioned write, with "Reload" when someone else changed the record first. */
export function ConflictAlert(props: ConflictAlertProps) {
  return (
    <>
      <ErrorAlert error={props.submission.error()} />
      <Show when={isConflict(props.submission.error())}>
        <button type="button" class="button button-secondary" onClick={() => props.onReload()}>
          {t('common.reload')}
        </button>
      </Show>
    </>
  );
}

/** Error, conflict reload and cancel, inside an edit form. */
export function SaveControls(props: { save: VersionedSave }) {
  return (
    <>
      <ConflictAlert submission={props.save} onReload={() => props.save.reload()} />
      <button type="button" class="button button-ghost" onClick={() => props.save.cancel()}>
        {t('common.cancel')}
      </button>
    </>
  );
}

/** What the edit form gets from its card: busy state, the "Save" label and the save controls. */
export type EditFormProps = { busy: boolean; submitLabel: string; children: JSX.Element };

type RecordCardProps<T> = {
  record: RecordState<T>;
  title: string;
  editTitle: string;
  /** Buttons after "Edit" in the header, shown while not editing. */
  actions?: JSX.Element;
  /** Shown above the details or form, e.g. the error of a header action. */
  notice?: JSX.Element;
  details: JSX.Element;
  /** The edit form for a fresh copy of the record (rebuilt when a reload brings a new one); spread `edit` into it. */
  form: (base: T, edit: EditFormProps) => JSX.Element;
};

/** The details card of a record, switching to its edit form with "Edit". */
export function RecordCard<T>(props: RecordCardProps<T>) {
  const save = () => props.record.save;
  const edit: EditFormProps = {
    get busy() {
      return save().busy();
    },
    get submitLabel() {
      return t('common.save');
    },
    get children() {
      return <SaveControls save={save()} />;
    },
  };
  return (
    <section class="card" aria-labelledby="details-title">
      <div class="section-header">
        <h2 id="details-title">{save().editing() ? props.editTitle : props.title}</h2>
        <Show when={!save().editing()}>
          <div class="actions">
            <button type="button" class="button button-secondary" onClick={() => save().edit()}>
              {t('common.edit')}
            </button>
            {props.actions}
          </div>
        </Show>
      </div>
      {props.notice}
      <Show when={save().editing()} fallback={props.details}>
        {/* Keyed on the record so a reload after a conflict refills the form. */}
        <Show when={props.record.record()} keyed>
          {(base) => props.form(base as T, edit)}
        </Show>
      </Show>
    </section>
  );
}

type DeleteRecordProps = {
  open: boolean;
  title: string;
  message: string;
  onClose: () => void;
  remove: () => Promise<unknown>;
  /** Where to go once the record is gone. */
  afterHref: string;
};

/** Asks before deleting a record, then leaves for its list. */
export function DeleteRecord(props: DeleteRecordProps) {
  return (
    <ConfirmDialog
      open={props.open}
      title={props.title}
      message={props.message}
      confirmLabel={t('common.delete')}
      onClose={props.onClose}
      onConfirm={async () => {
        await props.remove();
        window.location.assign(props.afterHref);
      }}
    />
  );
}

/** The "Delete" button of a record's header. */
export function DeleteButton(props: { onClick: () => void }) {
  return (
    <button type="button" class="button button-danger" onClick={() => props.onClick()}>
      {t('common.delete')}
    </button>
  );
}
