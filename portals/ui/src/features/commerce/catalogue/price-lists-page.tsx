import { createSignal, For, Index, onMount, Show } from 'solid-js';
import { api } from '../../../api/endpoints';
import type { PriceList, Product } from '../../../api/types';
import { loadActiveProducts } from '../commerce';
import { ListToolbar } from '../../../kit/create-dialog';
import { Dialog } from '../../../kit/dialog';
import { Field } from '../../../kit/field';
import { createDialogForm, FormFooter } from '../../../kit/form-footer';
import { PagedTable, usePagedList } from '../../../kit/paged-table';
import { StaffShell } from '../../../kit/staff-shell';
import { formatMoney } from '../../../kit/format';
import { t } from '../../../kit/i18n';
import { parseCurrency, parseMoneyInput } from '../../../kit/money-input';
import '../texts';
import './texts';

function CurrencyForm(props: { value: string; onShow: (currency: string) => void }) {
  const [value, setValue] = createSignal(props.value);
  const [problem, setProblem] = createSignal<string>();
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const currency = parseCurrency(value());
        if (!currency) return setProblem(t('commerce.doc.currencyInvalid'));
        setProblem(undefined);
        props.onShow(currency);
      }}
    >
      <Field label={t('commerce.doc.currency')} name="currency" plain maxLength={3} error={problem()} value={value()} onInput={setValue} />
      <button type="submit" class="button button-secondary">
        {t('common.show')}
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
    if (!code) return form.setProblem(t('commerce.doc.currencyInvalid'));
    if (rows().length === 0) return form.setProblem(t('commerce.priceList.needPrice'));
    const prices: { productId: string; amount: number }[] = [];
    for (const [index, row] of rows().entries()) {
      if (!row.productId) return form.setProblem(t('commerce.priceList.pickProduct'));
      const amount = parseMoneyInput(row.price, code);
      if (amount === undefined) return form.setProblem(t('commerce.doc.moneyInvalid', { field: t('commerce.priceList.priceOf', { n: index + 1 }) }));
      prices.push({ productId: row.productId, amount });
    }
    await form.submission.run(async (key) => {
      const created = await api.priceLists.create({ name: name().trim(), currency: code, ...(group().trim() ? { customerGroup: group().trim() } : {}), prices }, key);
      props.onCreated(created);
      props.onClose();
    });
  });
  return (
    <Dialog open={props.open} title={t('commerce.priceList.new')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <Field label={t('common.name')} name="name" required autofocus maxLength={160} value={name()} onInput={setName} />
        <Field label={t('commerce.doc.currency')} name="currency" required maxLength={3} hint={t('commerce.doc.currencyHint')} value={currency()} onInput={setCurrency} />
        <Field label={t('commerce.priceList.customerGroup')} name="customerGroup" maxLength={40} hint={t('commerce.priceList.customerGroupHint')} value={group()} onInput={setGroup} />
        <fieldset class="field">
          <legend>{t('commerce.priceList.prices')}</legend>
          <Show when={props.products.length > 0} fallback={<p class="empty">{t('commerce.priceList.noProducts')}</p>}>
            <Index each={rows()}>
              {(row, index) => (
                <div class="inline-fields">
                  <label>
                    <span class="visually-hidden">{t('commerce.priceList.productOf', { n: index + 1 })}</span>
                    <select value={row().productId} onChange={(e) => setRow(index, { productId: e.currentTarget.value })}>
                      <option value="">{t('commerce.priceList.productOf', { n: index + 1 })}…</option>
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
                    <span class="visually-hidden">{t('commerce.priceList.priceOf', { n: index + 1 })}</span>
                    <input inputMode="decimal" value={row().price} placeholder="0" onInput={(e) => setRow(index, { price: e.currentTarget.value })} />
                  </label>
                  <button type="button" class="button button-ghost" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                    {t('commerce.priceList.removePrice', { n: index + 1 })}
                  </button>
                </div>
              )}
            </Index>
            <button type="button" class="button button-secondary" onClick={() => setRows((all) => [...all, { productId: '', price: '' }])}>
              {t('commerce.priceList.addPrice')}
            </button>
          </Show>
        </fieldset>
        <FormFooter problem={form.problem()} submission={form.submission} label={t('commerce.priceList.create')} />
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
      <p>{t('commerce.priceList.intro')}</p>
      <ListToolbar newLabel={t('commerce.priceList.new')} onNew={() => setCreating(true)}>
        <CurrencyForm value={currency()} onShow={choose} />
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={t('commerce.priceList.empty', { currency: currency() })}
        columns={[t('common.name'), t('commerce.priceList.customerGroup'), t('commerce.priceList.prices')]}
        row={(priceList) => (
          <>
            <th scope="row">{priceList.name}</th>
            <td>{priceList.customerGroup ?? t('commerce.priceList.everyone')}</td>
            <td>
              <details>
                <summary>{t('commerce.priceList.count', { n: priceList.prices.length })}</summary>
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
    <StaffShell current="products" titleKey="nav.products" heading={t('commerce.priceList.title')}>
      {() => <PriceLists />}
    </StaffShell>
  );
}
