import { createSignal, For, Index, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { PriceList, Product } from '../../api/types';
import { loadActiveProducts } from './commerce';
import { ListToolbar } from '../../kit/create-dialog';
import { Dialog } from '../../kit/dialog';
import { Field } from '../../kit/field';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { StaffShell } from '../../kit/staff-shell';
import { formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import { tc } from './texts/commerce';
import { parseCurrency, parseMoneyInput } from '../../kit/money-input';

function CurrencyForm(props: { value: string; onShow: (currency: string) => void }) {
  const [value, setValue] = createSignal(props.value);
  const [problem, setProblem] = createSignal<string>();
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const currency = parseCurrency(value());
        if (!currency) return setProblem(tc('doc.currencyInvalid'));
        setProblem(undefined);
        props.onShow(currency);
      }}
    >
      <Field label={tc('priceList.currencyFilter')} name="currency" plain maxLength={3} error={problem()} value={value()} onInput={setValue} />
      <button type="submit" class="button button-secondary">
        {tc('priceList.show')}
      </button>
    </form>
  );
}

type PriceRow = { productId: string; price: string };

function NewPriceListDialog(props: { open: boolean; currency: string; products: Product[]; onClose: () => void; onCreated: (list: PriceList) => void }) {
  const [name, setName] = createSignal('');
  const [currency, setCurrency] = createSignal(props.currency);
  const [group, setGroup] = createSignal('');
  const [rows, setRows] = createSignal<PriceRow[]>([{ productId: '', price: '' }]);
  const form = createDialogForm(() => props.onClose());
  const setRow = (index: number, patch: Partial<PriceRow>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = form.onSubmit(async () => {
    const code = parseCurrency(currency());
    if (!code) return form.setProblem(tc('doc.currencyInvalid'));
    if (rows().length === 0) return form.setProblem(tc('priceList.needPrice'));
    const prices: { productId: string; amount: number }[] = [];
    for (const [index, row] of rows().entries()) {
      if (!row.productId) return form.setProblem(tc('priceList.pickProduct'));
      const amount = parseMoneyInput(row.price, code);
      if (amount === undefined) return form.setProblem(tc('doc.moneyInvalid', { field: tc('priceList.priceOf', { n: index + 1 }) }));
      prices.push({ productId: row.productId, amount });
    }
    await form.submission.run(async (key) => {
      const created = await api.priceLists.create({ name: name().trim(), currency: code, ...(group().trim() ? { customerGroup: group().trim() } : {}), prices }, key);
      props.onCreated(created);
      props.onClose();
    });
  });
  return (
    <Dialog open={props.open} title={tc('priceList.new')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <Field label={tc('priceList.name')} name="name" required autofocus maxLength={160} value={name()} onInput={setName} />
        <Field label={tc('doc.currency')} name="currency" required maxLength={3} hint={tc('doc.currencyHint')} value={currency()} onInput={setCurrency} />
        <Field label={tc('priceList.customerGroup')} name="customerGroup" maxLength={40} hint={tc('priceList.customerGroupHint')} value={group()} onInput={setGroup} />
        <fieldset class="field">
          <legend>{tc('priceList.prices')}</legend>
          <Show when={props.products.length > 0} fallback={<p class="empty">{tc('priceList.noProducts')}</p>}>
            <Index each={rows()}>
              {(row, index) => (
                <div class="inline-fields">
                  <label>
                    <span class="visually-hidden">{tc('priceList.productOf', { n: index + 1 })}</span>
                    <select value={row().productId} onChange={(e) => setRow(index, { productId: e.currentTarget.value })}>
                      <option value="">{tc('priceList.productOf', { n: index + 1 })}…</option>
                      <For each={props.products}>
                        {(product) => (
                          <option value={product.id} selected={product.id === row().productId}>
                            {product.name} ({product.sku}) · {formatMoney(product.unitPrice.amount, product.unitPrice.currency)}
                          </option>
                        )}
                      </For>
                    </select>
                  </label>
                  <label>
                    <span class="visually-hidden">{tc('priceList.priceOf', { n: index + 1 })}</span>
                    <input inputMode="decimal" value={row().price} placeholder="0" onInput={(e) => setRow(index, { price: e.currentTarget.value })} />
                  </label>
                  <button type="button" class="button button-ghost" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                    {tc('priceList.removePrice', { n: index + 1 })}
                  </button>
                </div>
              )}
            </Index>
            <button type="button" class="button button-secondary" onClick={() => setRows((all) => [...all, { productId: '', price: '' }])}>
              {tc('priceList.addPrice')}
            </button>
          </Show>
        </fieldset>
        <FormFooter problem={form.problem()} submission={form.submission} label={tc('priceList.create')} />
      </form>
    </Dialog>
  );
}

function PriceLists() {
  const [creating, setCreating] = createSignal(false);
  const [products, setProducts] = createSignal<Product[]>([]);
  const { list, params: currency, choose } = usePagedList<PriceList, string>('IDR', (code, cursor) => api.priceLists.list({ currency: code, cursor, limit: 25 }));
  // Names for the product ids of each list; without them the ids still show.
  onMount(() => loadActiveProducts().then(setProducts, () => undefined));
  const productName = (id: string) => products().find((product) => product.id === id)?.name ?? id;
  return (
    <div class="stack">
      <p>
        <a href="/products/">← {t('nav.products')}</a>
      </p>
      <p>{tc('priceList.intro')}</p>
      <ListToolbar newLabel={tc('priceList.new')} onNew={() => setCreating(true)}>
        <CurrencyForm value={currency()} onShow={choose} />
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={tc('priceList.empty', { currency: currency() })}
        columns={[tc('priceList.name'), tc('priceList.customerGroup'), tc('priceList.prices')]}
        row={(priceList) => (
          <>
            <th scope="row">{priceList.name}</th>
            <td>{priceList.customerGroup ?? tc('priceList.everyone')}</td>
            <td>
              <details>
                <summary>{tc('priceList.count', { n: priceList.prices.length })}</summary>
                <ul class="plain-list">
                  <For each={priceList.prices}>
                    {(price) => (
                      <li>
                        {productName(price.productId)}: {formatMoney(price.amount, priceList.currency)}
                      </li>
                    )}
                  </For>
                </ul>
              </details>
            </td>
          </>
        )}
      />
      <NewPriceListDialog
        open={creating()}
        currency={currency()}
        products={products()}
        onClose={() => setCreating(false)}
        onCreated={(created) => (created.currency === currency() ? list.setItems((items) => [created, ...items]) : choose(created.currency))}
      />
    </div>
  );
}

export function PriceListsPage() {
  return (
    <StaffShell current="products" titleKey="nav.products" heading={tc('priceList.title')}>
      {() => <PriceLists />}
    </StaffShell>
  );
}
