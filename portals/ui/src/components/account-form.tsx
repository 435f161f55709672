import { createSignal, type JSX } from 'solid-js';
import type { Account, AccountCreate, AccountPatch } from '../api/types';
import { Field } from './field';
import { t } from '../i18n';

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
  const body: AccountCreate = { name: values.name.trim() };
  for (const key of OPTIONAL) {
    const value = values[key].trim();
    if (value) body[key] = value;
  }
  const tags = tagsOf(values.tags);
  if (tags.length) body.tags = tags;
  return body;
}

/** Every field, with `null` for a cleared optional one (the API's way to remove a value). */
export function toAccountPatch(values: Values): AccountPatch {
  const body: AccountPatch = { name: values.name.trim(), tags: tagsOf(values.tags) };
  for (const key of OPTIONAL) body[key] = values[key].trim() || null;
  return body;
}

type AccountFormProps = {
  account?: Account;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: Values) => void;
  /** Error alerts and extra buttons, shown above the submit button. */
  children?: JSX.Element;
};

export function AccountForm(props: AccountFormProps) {
  const [values, setValues] = createSignal(fromAccount(props.account));
  const set = (key: keyof Values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(values());
      }}
    >
      <Field label={t('common.name')} name="name" required autofocus maxLength={160} value={values().name} onInput={set('name')} />
      <Field label={t('accounts.industry')} name="industry" maxLength={80} value={values().industry} onInput={set('industry')} />
      <Field label={t('accounts.website')} name="website" type="url" autocomplete="url" value={values().website} onInput={set('website')} />
      <Field label={t('common.email')} name="email" type="email" autocomplete="off" value={values().email} onInput={set('email')} />
      <Field label={t('common.phone')} name="phone" type="tel" autocomplete="off" maxLength={40} value={values().phone} onInput={set('phone')} />
      <Field label={t('accounts.address')} name="address" multiline maxLength={500} value={values().address} onInput={set('address')} />
      <Field label={t('accounts.tags')} name="tags" hint={t('accounts.tagsHint')} value={values().tags} onInput={set('tags')} />
      {props.children}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? t('common.saving') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
