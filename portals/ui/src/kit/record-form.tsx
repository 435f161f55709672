import { createSignal, type JSX } from 'solid-js';
import { Field } from './field';
import { t } from './i18n';

/** The form state of a record: `set(key)` is the input handler of one field. */
export function useFormValues<V extends object>(initial: V) {
  const [values, setValues] = createSignal<V>(initial);
  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  return { values, set };
}

/** Trimmed optional text fields: left out when blank (for a create). */
export function filledFields<K extends string>(values: Record<K, string>, keys: readonly K[]): Partial<Record<K, string>> {
  const body: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = values[key].trim();
    if (value) body[key] = value;
  }
  return body;
}

/** Trimmed optional text fields, `null` for a cleared one (for a patch: the API's way to remove a value). */
export function nullableFields<K extends string>(values: Record<K, string>, keys: readonly K[]): Record<K, string | null> {
  const body = {} as Record<K, string | null>;
  for (const key of keys) body[key] = values[key].trim() || null;
  return body;
}

/** The props every record form takes (AccountForm, ContactForm, LeadForm). */
export type RecordFormProps<V> = {
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: V) => void;
  /** Error alerts and extra buttons, shown above the submit button. */
  children?: JSX.Element;
};

type RecordFormShellProps<V> = {
  /** The props the record form got: busy state, submit label, submit handler, extra children. */
  form: RecordFormProps<V>;
  values: () => V;
  /** The record's fields. */
  fields: JSX.Element;
};

/** A record's form: its fields, alerts and extra buttons, then the submit button ("Saving…" while busy). */
export function RecordForm<V>(props: RecordFormShellProps<V>) {
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        props.form.onSubmit(props.values());
      }}
    >
      {props.fields}
      {props.form.children}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.form.busy}>
          {props.form.busy ? t('common.saving') : props.form.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The e-mail and phone fields every party record has. */
export function EmailPhoneFields(props: { email: string; phone: string; onEmail: (value: string) => void; onPhone: (value: string) => void }) {
  return (
    <>
      <Field label={t('common.email')} name="email" type="email" autocomplete="off" value={props.email} onInput={props.onEmail} />
      <Field label={t('common.phone')} name="phone" type="tel" autocomplete="off" maxLength={40} value={props.phone} onInput={props.onPhone} />
    </>
  );
}
