import { createSignal, For } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Product } from '../../api/types';
import { productUrl } from './commerce';
import { CreateDialog, ListToolbar } from '../../kit/create-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { ProductForm, toProductCreate } from './product-form';
import { StaffShell } from '../../kit/staff-shell';
import { formatMoney, formatPercent } from '../../kit/format';
import { tc } from './texts/commerce';

// The API filters the catalogue by `active`; it has no text search.
type Filter = 'all' | 'active' | 'inactive';
const FILTERS: Filter[] = ['all', 'active', 'inactive'];
const FILTER_LABEL = { all: 'doc.all', active: 'product.active', inactive: 'product.inactive' } as const;
const EMPTY = { all: 'product.empty', active: 'product.emptyActive', inactive: 'product.emptyInactive' } as const;

function ProductsList() {
  const [creating, setCreating] = createSignal(false);
  const { list, params: filter, choose } = usePagedList<Product, Filter>('all', (value, cursor) =>
    api.products.list({ active: value === 'all' ? undefined : value === 'active', cursor, limit: 25 }),
  );
  return (
    <div class="stack">
      <ListToolbar newLabel={tc('product.new')} onNew={() => setCreating(true)}>
        <div class="tabs" role="group" aria-label={tc('product.filter')}>
          <For each={FILTERS}>
            {(option) => (
              <button type="button" class="tab" aria-pressed={filter() === option} onClick={() => choose(option)}>
                {tc(FILTER_LABEL[option])}
              </button>
            )}
          </For>
        </div>
        <a href="/price-lists/">{tc('product.priceLists')}</a>
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={tc(EMPTY[filter()])}
        columns={[
          tc('product.sku'),
          tc('product.name'),
          { label: tc('product.unitPrice'), class: 'numeric' },
          { label: tc('product.taxPercent'), class: 'numeric' },
          tc('product.active'),
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
              <span class={`badge status-${product.active ? 'active' : 'disabled'}`}>{product.active ? tc('doc.yes') : tc('doc.no')}</span>
            </td>
          </>
        )}
      />
      <CreateDialog
        open={creating()}
        onClose={() => setCreating(false)}
        title={tc('product.new')}
        submitLabel={tc('product.create')}
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
