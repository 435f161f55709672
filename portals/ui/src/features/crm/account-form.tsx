import type { Account, AccountCreate, AccountPatch } from '../../api/types';
import { Field } from '../../kit/field';
import { EmailPhoneFields, filledFields, nullableFields, RecordForm, useFormValues, type RecordFormProps } from '../../kit/record-form';
import { t } from '../../kit/i18n';
import './texts';

type Values = { name: string; industry: string; website: string; email: string; phone: string; address: string; tags: string };
const OPTIONAL = ['industry', 'website', 'email', 'phone', 'address'] as const;

function fromAccount(account?: Account): Values {
  return {
    name: account?.name ?? '',
    industry: account?.industry ?? '',
    website: account?.website ?? '',
    email: account?.email ?? '',
    phone: account?.phone ?? '',
    address: account?.address ?? '',
    tags: account?.tags.join(', ') ?? '',
  };
}

function tagsOf(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

export function toAccountCreate(values: Values): AccountCreate {
  const body: AccountCreate = { name: values.name.trim(), ...filledFields(values, OPTIONAL) };
  const tags = tagsOf(values.tags);
  if (tags.length) body.tags = tags;
  return body;
}

/** Every field, with `null` for a cleared optional one (the API's way to remove a value). */
export function toAccountPatch(values: Values): AccountPatch {
  return { name: values.name.trim(), tags: tagsOf(values.tags), ...nullableFields(values, OPTIONAL) };
}

type AccountFormProps = RecordFormProps<Values> & { account?: Account };

export function AccountForm(props: AccountFormProps) {
  const { values, set } = useFormValues(fromAccount(props.account));
  return (
    <RecordForm
      form={props}
      values={values}
      fields={
        <>
          <Field label={t('common.name')} name="name" required autofocus maxLength={160} value={values().name} onInput={set('name')} />
          <Field label={t('crm.accounts.industry')} name="industry" maxLength={80} value={values().industry} onInput={set('industry')} />
          <Field label={t('crm.accounts.website')} name="website" type="url" autocomplete="url" value={values().website} onInput={set('website')} />
          <EmailPhoneFields email={values().email} phone={values().phone} onEmail={set('email')} onPhone={set('phone')} />
          <Field label={t('crm.accounts.address')} name="address" multiline maxLength={500} value={values().address} onInput={set('address')} />
          <Field label={t('crm.accounts.tags')} name="tags" hint={t('crm.accounts.tagsHint')} value={values().tags} onInput={set('tags')} />
        </>
      }
    />
  );
}
