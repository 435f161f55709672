import type { Contact, ContactCreate, ContactPatch } from '../../api/types';
import { Field } from '../../kit/field';
import { EmailPhoneFields, filledFields, nullableFields, RecordForm, useFormValues, type RecordFormProps } from '../../kit/record-form';
import { t } from '../../kit/i18n';
import './texts';

export type ContactFormValues = { firstName: string; lastName: string; email: string; phone: string; title: string };
const OPTIONAL = ['firstName', 'email', 'phone', 'title'] as const;

export function toContactCreate(values: ContactFormValues): ContactCreate {
  return { lastName: values.lastName.trim(), ...filledFields(values, OPTIONAL) };
}

/** Every field, with `null` for a cleared optional one. */
export function toContactPatch(values: ContactFormValues): ContactPatch {
  return { lastName: values.lastName.trim(), ...nullableFields(values, OPTIONAL) };
}

export function contactName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

type ContactFormProps = RecordFormProps<ContactFormValues> & { contact?: Contact };

export function ContactForm(props: ContactFormProps) {
  const { values, set } = useFormValues<ContactFormValues>({
    firstName: props.contact?.firstName ?? '',
    lastName: props.contact?.lastName ?? '',
    email: props.contact?.email ?? '',
    phone: props.contact?.phone ?? '',
    title: props.contact?.title ?? '',
  });
  return (
    <RecordForm
      form={props}
      values={values}
      fields={
        <>
          <Field label={t('crm.contacts.firstName')} name="firstName" autofocus maxLength={80} value={values().firstName} onInput={set('firstName')} />
          <Field label={t('crm.contacts.lastName')} name="lastName" required maxLength={80} value={values().lastName} onInput={set('lastName')} />
          <Field label={t('crm.contacts.jobTitle')} name="title" maxLength={80} value={values().title} onInput={set('title')} />
          <EmailPhoneFields email={values().email} phone={values().phone} onEmail={set('email')} onPhone={set('phone')} />
        </>
      }
    />
  );
}
