import { createSignal, mergeProps, Show } from 'solid-js';
import type { Product, ProductCreate, ProductPatch } from '../../../api/types';
import { MessageAlert } from '../../../kit/alert';
import { parsePercent } from '../commerce';
import { Field } from '../../../kit/field';
import { RecordForm, useFormValues, type RecordFormProps } from '../../../kit/record-form';
import { moneyInputValue, moneyPreview, parseCurrency, parseMoneyInput } from '../../../kit/money-input';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

export type ProductFormValues = { sku: string; name: string; description: string; price: string; currency: string; tax: string; active: boolean };

/** The typed numbers of the form, or the first problem to show. */
type Checked = { ok: true; amount: number; currency: string; taxPercent: number } | { ok: false; problem: string };

const SKU = /^[A-Za-z0-9._-]+$/;

function check(values: ProductFormValues, withSku: boolean): Checked {
  if (withSku && !SKU.test(values.sku.trim())) return { ok: false, problem: t('commerce.product.skuInvalid') };
  const currency = parseCurrency(values.currency);
  if (!currency) return { ok: false, problem: t('commerce.doc.currencyInvalid') };
  const amount = parseMoneyInput(values.price, currency);
  if (amount === undefined) return { ok: false, problem: t('commerce.doc.moneyInvalid', { field: t('commerce.line.unitPrice') }) };
  const taxPercent = parsePercent(values.tax);
  if (taxPercent === undefined) return { ok: false, problem: t('commerce.doc.percentInvalid', { field: t('commerce.product.taxPercent') }) };
  return { ok: true, amount, currency, taxPercent };
}

export function toProductCreate(values: ProductFormValues): ProductCreate {
  const checked = check(values, true);
  if (!checked.ok) throw new Error(checked.problem);
  const description = values.description.trim();
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    ...(description ? { description } : {}),
    unitPrice: { amount: checked.amount, currency: checked.currency },
    taxPercent: checked.taxPercent,
    active: values.active,
  };
}

/** Every editable field; a cleared description is `null` (the API's way to remove it). */
export function toProductPatch(values: ProductFormValues): ProductPatch {
  const checked = check(values, false);
  if (!checked.ok) throw new Error(checked.problem);
  return {
    name: values.name.trim(),
    description: values.description.trim() || null,
    unitPrice: { amount: checked.amount, currency: checked.currency },
    taxPercent: checked.taxPercent,
    active: values.active,
  };
}

function fromProduct(product: Product | undefined): ProductFormValues {
  const currency = product?.unitPrice.currency ?? 'IDR';
  return {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    description: product?.description ?? '',
    price: moneyInputValue(product?.unitPrice.amount, currency),
    currency,
    tax: product ? String(product.taxPercent) : '11',
    active: product?.active ?? true,
  };
}

type ProductFormProps = RecordFormProps<ProductFormValues> & { product?: Product };

/** Create (no `product`) or edit a product; the SKU is fixed once created. Submits only checked values. */
export function ProductForm(props: ProductFormProps) {
  const { values, set } = useFormValues(fromProduct(props.product));
  const [problem, setProblem] = createSignal<string>();
  const form = mergeProps(props, {
    onSubmit: (submitted: ProductFormValues) => {
      const checked = check(submitted, !props.product);
      setProblem(checked.ok ? undefined : checked.problem);
      if (checked.ok) props.onSubmit(submitted);
    },
  });
  return (
    <RecordForm
      form={form}
      values={values}
      fields={
        <>
          <Show
            when={!props.product}
            fallback={<Field label={t('commerce.product.sku')} name="sku" readOnly value={values().sku} onInput={() => undefined} />}
          >
            <Field label={t('commerce.product.sku')} name="sku" required autofocus maxLength={64} hint={t('commerce.product.skuHint')} value={values().sku} onInput={set('sku')} />
          </Show>
          <Field label={t('common.name')} name="name" required autofocus={!!props.product} maxLength={160} value={values().name} onInput={set('name')} />
          <Field label={t('commerce.line.description')} name="description" multiline maxLength={2000} value={values().description} onInput={set('description')} />
          <Field
            label={t('commerce.line.unitPrice')}
            name="unitPrice"
            required
            inputMode="decimal"
            hint={moneyPreview(values().price, values().currency) ?? t('commerce.product.priceHint')}
            value={values().price}
            onInput={set('price')}
          />
          <Field label={t('commerce.doc.currency')} name="currency" required maxLength={3} hint={t('commerce.doc.currencyHint')} value={values().currency} onInput={set('currency')} />
          <Field label={t('commerce.product.taxPercent')} name="taxPercent" type="number" min={0} max={100} step="any" inputMode="decimal" hint={t('commerce.product.taxHint')} value={values().tax} onInput={set('tax')} />
          <label class="checkbox">
            <input type="checkbox" name="active" checked={values().active} onChange={(e) => set('active')(e.currentTarget.checked)} />
            {t('commerce.product.activeField')}
          </label>
          <MessageAlert message={problem()} />
        </>
      }
    />
  );
}
