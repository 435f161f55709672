import { createSignal, For } from 'solid-js';
import { api } from '../../../api/endpoints';
import type { Product } from '../../../api/types';
import { productUrl } from '../commerce';
import { CreateDialog, ListToolbar } from '../../../kit/create-dialog';
import { PagedTable, usePagedList } from '../../../kit/paged-table';
import { ProductForm, toProductCreate } from './product-form';
import { StaffShell } from '../../../kit/staff-shell';
import { formatMoney, formatPercent } from '../../../kit/format';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

// The API filters the catalogue by `active`; it has no text search.
type Filter = 'all' | 'active' | 'inactive';
const FILTERS: Filter[] = ['all', 'active', 'inactive'];
const FILTER_LABEL = { all: 'common.all', active: 'common.active', inactive: 'commerce.product.inactive' } as const;
const EMPTY = { all: 'commerce.product.empty', active: 'commerce.product.emptyActive', inactive: 'commerce.product.emptyInactive' } as const;

function ProductsList() {
  const [creating, setCreating] = createSignal(false);
  const { list, params: filter, choose } = usePagedList<Product, Filter>('all', (value, cursor) =>
    api.products.list({ active: value === 'all' ? undefined : value === 'active', cursor, limit: 25 }),
  );
  return (
    <div class="stack">
      <ListToolbar newLabel={t('commerce.product.new')} onNew={() => setCreating(true)}>
        <div class="tabs" role="group" aria-label={t('commerce.product.filter')}>
          <For each={FILTERS}>
            {(option) => (
              <button type="button" class="tab" aria-pressed={filter() === option} onClick={() => choose(option)}>
                {t(FILTER_LABEL[option])}
              </button>
            )}
          </For>
        </div>
        <a href="/price-lists/">{t('commerce.priceList.title')}</a>
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={t(EMPTY[filter()])}
        columns={[
          t('commerce.product.sku'),
          t('common.name'),
          { label: t('commerce.line.unitPrice'), class: 'numeric' },
          { label: t('commerce.product.taxPercent'), class: 'numeric' },
          t('common.active'),
        ]}
        row={(product) => (
          <>
            <td>{product.sku}</td>
            <th scope="row">
              <a href={productUrl(product.id)}>{product.name}</a>
            </th>
            <td class="numeric">{formatMoney(product.unitPrice.amount, product.unitPrice.currency)}</td>
            <td class="numeric">{formatPercent(product.taxPercent)}</td>
            <td>
              <span class={`badge status-${product.active ? 'active' : 'disabled'}`}>{product.active ? t('common.yes') : t('common.no')}</span>
            </td>
          </>
        )}
      />
      <CreateDialog
        open={creating()}
        onClose={() => setCreating(false)}
        title={t('commerce.product.new')}
        submitLabel={t('commerce.product.create')}
        form={ProductForm}
        create={async (values, key) => productUrl((await api.products.create(toProductCreate(values), key)).id)}
      />
    </div>
  );
}

export function ProductsPage() {
  return (
    <StaffShell current="products" titleKey="nav.products">
      {() => <ProductsList />}
    </StaffShell>
  );
}
