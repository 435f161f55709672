import { LEAD_SOURCE_OPTIONS, type Lead, type LeadCreate, type LeadPatch, type LeadSource } from '../../api/types';
import { Field, SelectField } from '../../kit/field';
import { EmailPhoneFields, filledFields, nullableFields, RecordForm, useFormValues, type RecordFormProps } from '../../kit/record-form';
import { leadSourceLabel } from './sales';
import { t } from '../../kit/i18n';
import './texts';

export type LeadFormValues = {
  title: string;
  companyName: string;
  contactName: string;
  email: string;
  phone: string;
  source: LeadSource;
  productInterest: string;
  territory: string;
  memo: string;
};
const OPTIONAL = ['companyName', 'email', 'phone', 'productInterest', 'territory', 'memo'] as const;

export function toLeadCreate(values: LeadFormValues): LeadCreate {
  return { title: values.title.trim(), contactName: values.contactName.trim(), source: values.source, ...filledFields(values, OPTIONAL) };
}

/** Every field, with `null` for a cleared optional one. */
export function toLeadPatch(values: LeadFormValues): LeadPatch {
  return { title: values.title.trim(), contactName: values.contactName.trim(), source: values.source, ...nullableFields(values, OPTIONAL) };
}

function fromLead(lead: Lead | undefined): LeadFormValues {
  return {
    title: lead?.title ?? '',
    companyName: lead?.companyName ?? '',
    contactName: lead?.contactName ?? '',
    email: lead?.email ?? '',
    phone: lead?.phone ?? '',
    source: lead?.source ?? 'other',
    productInterest: lead?.productInterest ?? '',
    territory: lead?.territory ?? '',
    memo: lead?.memo ?? '',
  };
}

type LeadFormProps = RecordFormProps<LeadFormValues> & { lead?: Lead };

export function LeadForm(props: LeadFormProps) {
  const { values, set } = useFormValues(fromLead(props.lead));
  return (
    <RecordForm
      form={props}
      values={values}
      fields={
        <>
          <Field label={t('common.title')} name="title" required autofocus maxLength={160} hint={t('sales.lead.titleHint')} value={values().title} onInput={set('title')} />
          <Field label={t('common.company')} name="companyName" maxLength={160} value={values().companyName} onInput={set('companyName')} />
          <Field label={t('sales.lead.contactName')} name="contactName" required maxLength={120} value={values().contactName} onInput={set('contactName')} />
          <EmailPhoneFields email={values().email} phone={values().phone} onEmail={set('email')} onPhone={set('phone')} />
          <SelectField
            label={t('sales.lead.source')}
            name="source"
            value={values().source}
            onChange={(value) => set('source')(value as LeadSource)}
            options={LEAD_SOURCE_OPTIONS.map((source) => ({ value: source, label: leadSourceLabel(source) }))}
          />
          <Field label={t('sales.lead.productInterest')} name="productInterest" maxLength={80} value={values().productInterest} onInput={set('productInterest')} />
          <Field label={t('sales.lead.territory')} name="territory" maxLength={80} value={values().territory} onInput={set('territory')} />
          <Field label={t('sales.lead.memo')} name="memo" multiline maxLength={5000} hint={t('sales.lead.memoHint')} value={values().memo} onInput={set('memo')} />
        </>
      }
    />
  );
}
