import { t } from './i18n';

/** One term of a details list (`<dl class="details">`): its label, then the value, or "none" when it is empty. */
export function DetailRow(props: { label: string; value: string | undefined }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value || t('common.none')}</dd>
    </>
  );
}
