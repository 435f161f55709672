import { api } from '../../../api/endpoints';
import type { Product } from '../../../api/types';
import { ProductForm, toProductPatch } from './product-form';
import { ListRecordPage, useTitledRecord, type ListRecordProps } from '../../../kit/list-record-page';
import { RecordCard, RecordView } from '../../../kit/record-view';
import { formatDate, formatMoney, formatPercent } from '../../../kit/format';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

function Details(props: { product: Product }) {
  return (
    <dl class="details">
      <dt>{t('commerce.product.sku')}</dt>
      <dd>{props.product.sku}</dd>
      <dt>{t('commerce.line.description')}</dt>
      <dd>{props.product.description || t('common.none')}</dd>
      <dt>{t('commerce.line.unitPrice')}</dt>
      <dd>{formatMoney(props.product.unitPrice.amount, props.product.unitPrice.currency)}</dd>
      <dt>{t('commerce.product.taxPercent')}</dt>
      <dd>{formatPercent(props.product.taxPercent)}</dd>
      <dt>{t('common.active')}</dt>
      <dd>
        <span class={`badge status-${props.product.active ? 'active' : 'disabled'}`}>{props.product.active ? t('common.yes') : t('common.no')}</span>
      </dd>
      <dt>{t('common.created')}</dt>
      <dd>{formatDate(props.product.createdAt)}</dd>
      <dt>{t('common.updated')}</dt>
      <dd>{formatDate(props.product.updatedAt)}</dd>
    </dl>
  );
}

function ProductView(props: ListRecordProps) {
  const product = useTitledRecord(props, (id) => api.products.get(id), (loaded) => `${loaded.name} (${loaded.sku})`);
  return (
    <RecordView record={product}>
      {(current) => (
        <RecordCard
          record={product}
          title={t('common.details')}
          editTitle={t('commerce.product.editTitle')}
          details={<Details product={current()} />}
          form={(base, edit) => (
            <ProductForm
              product={base}
              {...edit}
              onSubmit={(values) => void product.save.submit(async () => product.show(await api.products.update(base.id, base.version, toProductPatch(values))))}
            />
          )}
        />
      )}
    </RecordView>
  );
}

export function ProductPage() {
  return <ListRecordPage list="products" view={ProductView} />;
}
