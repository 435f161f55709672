import { createSignal, type JSX } from 'solid-js';
import type { Contact, ContactCreate, ContactPatch } from '../api/types';
import { Field } from './field';
import { t } from '../i18n';

export type ContactFormValues = { firstName: string; lastName: string; email: string; phone: string; title: string };
const OPTIONAL = ['firstName', 'email', 'phone', 'title'] as const;

export function toContactCreate(values: ContactFormValues): ContactCreate {
  const body: ContactCreate = { lastName: values.lastName.trim() };
  for (const key of OPTIONAL) {
    const value = values[key].trim();
    if (value) body[key] = value;
  }
  return body;
}

/** Every field, with `null` for a cleared optional one. */
export function toContactPatch(values: ContactFormValues): ContactPatch {
  const body: ContactPatch = { lastName: values.lastName.trim() };
  for (const key of OPTIONAL) body[key] = values[key].trim() || null;
  return body;
}

export function contactName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

type ContactFormProps = {
  contact?: Contact;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: ContactFormValues) => void;
  children?: JSX.Element;
};

export function ContactForm(props: ContactFormProps) {
  const [values, setValues] = createSignal<ContactFormValues>({
    firstName: props.contact?.firstName ?? '',
    lastName: props.contact?.lastName ?? '',
    email: props.contact?.email ?? '',
    phone: props.contact?.phone ?? '',
    title: props.contact?.title ?? '',
  });
  const set = (key: keyof ContactFormValues) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(values());
      }}
    >
      <Field label={t('contacts.firstName')} name="firstName" autofocus maxLength={80} value={values().firstName} onInput={set('firstName')} />
      <Field label={t('contacts.lastName')} name="lastName" required maxLength={80} value={values().lastName} onInput={set('lastName')} />
      <Field label={t('contacts.jobTitle')} name="title" maxLength={80} value={values().title} onInput={set('title')} />
      <Field label={t('common.email')} name="email" type="email" autocomplete="off" value={values().email} onInput={set('email')} />
      <Field label={t('common.phone')} name="phone" type="tel" autocomplete="off" maxLength={40} value={values().phone} onInput={set('phone')} />
      {props.children}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? t('common.saving') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
