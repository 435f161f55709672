import { createSignal, onMount } from 'solid-js';
import { createSubmission } from './submission';
import { t } from './i18n';

/**
 * One record read from the API on mount, with its If-Match edit state (`save`):
 * `show` puts a fresh copy in place and tells `onLoaded`.
 */
export function useRecord<T>(fetchRecord: () => Promise<T>, onLoaded: (record: T) => void) {
  const [record, setRecord] = createSignal<T>();
  const [loadError, setLoadError] = createSignal<unknown>();
  const show = (loaded: T) => {
    setRecord(() => loaded);
    onLoaded(loaded);
  };
  const fetch = async () => {
    setLoadError(undefined);
    try {
      show(await fetchRecord());
    } catch (error) {
      setLoadError(error);
    }
  };
  onMount(() => void fetch());
  return { record, loadError, show, fetch, save: useVersionedSave(fetch) };
}

export type RecordState<T> = ReturnType<typeof useRecord<T>>;

/**
 * The edit state of a record saved with If-Match: `submit` runs the save, then leaves edit mode
 * with "Saved"; a 409 conflict keeps the form open and `reload` reads the record again.
 */
export function useVersionedSave(reload: () => Promise<unknown>) {
  const submission = createSubmission();
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal<string>();
  return {
    ...submission,
    editing,
    saved,
    setSaved,
    edit() {
      setSaved(undefined);
      setEditing(true);
    },
    cancel() {
      submission.setError(undefined);
      setEditing(false);
    },
    reload() {
      submission.setError(undefined);
      void reload();
    },
    submit(action: () => Promise<unknown>) {
      return submission.run(async () => {
        await action();
        setEditing(false);
        setSaved(t('common.saved'));
      });
    },
  };
}

export type VersionedSave = ReturnType<typeof useVersionedSave>;
