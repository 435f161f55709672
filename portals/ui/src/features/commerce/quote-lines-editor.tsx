import { createSignal, For, Show, type Accessor } from 'solid-js';
import type { DocumentLine, Product, QuoteLineInput } from '../../api/types';
import { documentTotals, lineAmounts, type DocumentTotals, type LineInput } from '../../../../../shared/modules/commerce/domain/quote-totals';
import { parseDecimal, parsePercent } from './commerce';
import { formatMoney } from '../../kit/format';
import { moneyInputValue, parseMoneyInput } from '../../kit/money-input';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';

/** What the user typed on one line; numbers stay text until saved. */
type LineFields = {
  productId: string;
  description: string;
  quantity: string;
  price: string;
  discount: string;
  tax: string;
  /**
   * The price was filled from the product and not typed: it is left out when saving, so the
   * API prices the line (from the customer's price list, else the catalogue).
   */
  priceFromProduct: boolean;
};

type EditLine = { key: number; fields: Accessor<LineFields>; set: (patch: Partial<LineFields>) => void };

type ParsedLine = { ok: true; input: QuoteLineInput; amounts: LineInput } | { ok: false; problem: string };

let nextKey = 0;

function editLine(initial: LineFields): EditLine {
  const [fields, setFields] = createSignal(initial);
  return { key: nextKey++, fields, set: (patch) => setFields((current) => ({ ...current, ...patch })) };
}

function parseLine(fields: LineFields, n: number, currency: string): ParsedLine {
  const description = fields.description.trim();
  if (!description) return { ok: false, problem: t('commerce.line.descriptionRequired', { n }) };
  const quantity = parseDecimal(fields.quantity, 3, 0, 1e7);
  if (quantity === undefined || quantity <= 0) return { ok: false, problem: t('commerce.line.quantityInvalid', { n }) };
  const unitPrice = parseMoneyInput(fields.price, currency);
  if (unitPrice === undefined) return { ok: false, problem: t('commerce.line.priceRequired', { n }) };
  const discountPercent = parsePercent(fields.discount);
  const taxPercent = parsePercent(fields.tax);
  if (discountPercent === undefined || taxPercent === undefined) return { ok: false, problem: t('commerce.line.percentInvalid', { n }) };
  const productId = fields.productId || undefined;
  const input: QuoteLineInput = {
    ...(productId ? { productId } : {}),
    description,
    quantity,
    ...(productId && fields.priceFromProduct ? {} : { unitPrice }),
    discountPercent,
    taxPercent,
  };
  return { ok: true, input, amounts: { quantity, unitPrice, discountPercent, taxPercent } };
}

/**
 * The editable lines of a draft quote: add, remove, reorder, and the preview of the totals
 * computed with the server's own rounding (shared/modules/commerce/domain/quote-totals).
 */
export function createLinesEditor(currency: () => string) {
  const [lines, setLines] = createSignal<EditLine[]>([]);
  const [dirty, setDirty] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal('');
  const parsed = () => lines().map((line, index) => parseLine(line.fields(), index + 1, currency()));
  return {
    lines,
    dirty,
    announcement,
    parsed,
    /** Starts over from the saved lines (after a load or a save). */
    reset(saved: DocumentLine[]) {
      setLines(
        saved.map((line) =>
          editLine({
            productId: line.productId ?? '',
            description: line.description,
            quantity: String(line.quantity),
            price: moneyInputValue(line.unitPrice, currency()),
            discount: String(line.discountPercent),
            tax: String(line.taxPercent),
            priceFromProduct: false,
          }),
        ),
      );
      setDirty(false);
    },
    change(line: EditLine, patch: Partial<LineFields>) {
      line.set(patch);
      setDirty(true);
    },
    add(): EditLine {
      const line = editLine({ productId: '', description: '', quantity: '1', price: '', discount: '0', tax: '0', priceFromProduct: false });
      setLines((all) => [...all, line]);
      setDirty(true);
      setAnnouncement(t('commerce.line.added', { n: lines().length }));
      return line;
    },
    remove(line: EditLine) {
      const index = lines().indexOf(line);
      setLines((all) => all.filter((item) => item !== line));
      setDirty(true);
      setAnnouncement(t('commerce.line.removed', { n: index + 1 }));
    },
    /** Moves a line one place up (-1) or down (1); false when it is at that end already. */
    move(line: EditLine, delta: -1 | 1): boolean {
      const all = [...lines()];
      const from = all.indexOf(line);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= all.length) return false;
      all.splice(from, 1);
      all.splice(to, 0, line);
      setLines(all);
      setDirty(true);
      setAnnouncement(t('commerce.line.moved', { n: to + 1, count: all.length }));
      return true;
    },
    setDirty,
    /** The lines to send, or the first problem to show. */
    inputs(): { ok: true; lines: QuoteLineInput[] } | { ok: false; problem: string } {
      const result: QuoteLineInput[] = [];
      for (const line of parsed()) {
        if (!line.ok) return line;
        result.push(line.input);
      }
      return { ok: true, lines: result };
    },
    /** The totals as the server will compute them, or undefined while a line is incomplete. */
    preview(): DocumentTotals | undefined {
      const all = parsed();
      if (!all.every((line) => line.ok)) return undefined;
      try {
        return documentTotals(all.map((line) => (line as Extract<ParsedLine, { ok: true }>).amounts));
      } catch {
        return undefined;
      }
    },
  };
}

export type LinesEditor = ReturnType<typeof createLinesEditor>;

type EditorProps = { editor: LinesEditor; products: Product[]; currency: string };

/** Focus follows a moved or removed line, so the keyboard user keeps their place. */
function focusIn(key: number, role: string) {
  const row = document.querySelector(`[data-line="${key}"]`);
  const target = row?.querySelector<HTMLElement>(`[data-role="${role}"]:not(:disabled)`) ?? row?.querySelector<HTMLElement>('[data-role="up"]:not(:disabled), [data-role="down"]:not(:disabled)');
  target?.focus();
}

/** The line table of a draft quote: product or free text, numbers, per-line preview, move and remove. */
export function QuoteLinesEditor(props: EditorProps) {
  const field = (key: MessageKey, n: number) => t('commerce.line.of', { field: t(key), n });
  const productOptions = (selected: string) => {
    // A line may still name a product that is no longer active: keep it choosable as it is.
    const known = props.products.some((product) => product.id === selected);
    return known || !selected ? props.products : [...props.products, { id: selected, name: selected, sku: '' } as Product];
  };
  const pickProduct = (line: EditLine, productId: string) => {
    const product = props.products.find((item) => item.id === productId);
    if (!product) return props.editor.change(line, { productId, priceFromProduct: false });
    const samePriceCurrency = product.unitPrice.currency === props.currency;
    props.editor.change(line, {
      productId,
      description: product.name,
      price: samePriceCurrency ? moneyInputValue(product.unitPrice.amount, props.currency) : '',
      tax: String(product.taxPercent),
      priceFromProduct: samePriceCurrency,
    });
  };
  const moveBy = (line: EditLine, delta: -1 | 1, role: string) => {
    if (props.editor.move(line, delta)) focusIn(line.key, role);
  };
  const remove = (line: EditLine) => {
    const all = props.editor.lines();
    const next = all[all.indexOf(line) + 1] ?? all[all.indexOf(line) - 1];
    props.editor.remove(line);
    if (next) focusIn(next.key, 'remove');
    else document.querySelector<HTMLElement>('[data-role="add-line"]')?.focus();
  };
  const onRowKey = (event: KeyboardEvent, line: EditLine) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const active = document.activeElement as HTMLElement | null;
    if (props.editor.move(line, event.key === 'ArrowUp' ? -1 : 1)) active?.focus();
  };
  const lineTotal = (index: number) => {
    const parsed = props.editor.parsed()[index];
    if (!parsed?.ok) return '—';
    try {
      return formatMoney(lineAmounts(parsed.amounts).total, props.currency);
    } catch {
      return '—';
    }
  };
  return (
    <div class="stack line-editor-wrap">
      <p class="field-hint" id="line-keyboard-hint">
        {t('commerce.line.keyboardHint')}
      </p>
      <div class="notice-region visually-hidden" role="status" aria-live="polite">
        {props.editor.announcement()}
      </div>
      <Show when={props.editor.lines().length > 0} fallback={<p class="empty">{t('commerce.quote.noLinesYet')}</p>}>
        <div class="table-scroll">
          <table class="table line-editor" aria-describedby="line-keyboard-hint">
            <thead>
              <tr>
                <th scope="col">{t('commerce.line.number')}</th>
                <th scope="col">{t('commerce.line.product')}</th>
                <th scope="col">{t('commerce.line.description')}</th>
                <th scope="col" class="numeric">{t('commerce.line.quantity')}</th>
                <th scope="col" class="numeric">{t('commerce.line.unitPrice')}</th>
                <th scope="col" class="numeric">{t('commerce.line.discount')}</th>
                <th scope="col" class="numeric">{t('commerce.line.tax')}</th>
                <th scope="col" class="numeric">{t('commerce.line.total')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('common.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.editor.lines()}>
                {(line, index) => {
                  const n = () => index() + 1;
                  const f = line.fields;
                  return (
                    <tr data-line={line.key} onKeyDown={(e) => onRowKey(e, line)}>
                      <td>{n()}</td>
                      <td>
                        <select data-role="product" aria-label={field('commerce.line.product', n())} value={f().productId} onChange={(e) => pickProduct(line, e.currentTarget.value)}>
                          <option value="" selected={!f().productId}>
                            {t('commerce.line.freeText')}
                          </option>
                          <For each={productOptions(f().productId)}>
                            {(product) => (
                              <option value={product.id} selected={product.id === f().productId}>
                                {product.sku ? `${product.name} (${product.sku})` : product.name}
                              </option>
                            )}
                          </For>
                        </select>
                      </td>
                      <td>
                        <input data-role="description" aria-label={field('commerce.line.description', n())} maxLength={500} value={f().description} onInput={(e) => props.editor.change(line, { description: e.currentTarget.value })} />
                      </td>
                      <td class="numeric">
                        <input data-role="quantity" class="input-number" type="number" min="0" step="any" inputMode="decimal" aria-label={field('commerce.line.quantity', n())} value={f().quantity} onInput={(e) => props.editor.change(line, { quantity: e.currentTarget.value })} />
                      </td>
                      <td class="numeric">
                        <input data-role="price" class="input-money" inputMode="decimal" aria-label={field('commerce.line.unitPrice', n())} value={f().price} onInput={(e) => props.editor.change(line, { price: e.currentTarget.value, priceFromProduct: false })} />
                      </td>
                      <td class="numeric">
                        <input data-role="discount" class="input-number" type="number" min="0" max="100" step="any" inputMode="decimal" aria-label={field('commerce.line.discount', n())} value={f().discount} onInput={(e) => props.editor.change(line, { discount: e.currentTarget.value })} />
                      </td>
                      <td class="numeric">
                        <input data-role="tax" class="input-number" type="number" min="0" max="100" step="any" inputMode="decimal" aria-label={field('commerce.line.tax', n())} value={f().tax} onInput={(e) => props.editor.change(line, { tax: e.currentTarget.value })} />
                      </td>
                      <td class="numeric">{lineTotal(index())}</td>
                      <td>
                        {/* Arrows and a cross (each button named in full for screen readers), so the editor fits a laptop screen without scrolling. */}
                        <div class="row-actions">
                          <button type="button" class="button button-ghost" data-role="up" disabled={index() === 0} aria-label={t('commerce.line.moveUp', { n: n() })} onClick={() => moveBy(line, -1, 'up')}>
                            <span aria-hidden="true">↑</span>
                          </button>
                          <button type="button" class="button button-ghost" data-role="down" disabled={index() === props.editor.lines().length - 1} aria-label={t('commerce.line.moveDown', { n: n() })} onClick={() => moveBy(line, 1, 'down')}>
                            <span aria-hidden="true">↓</span>
                          </button>
                          <button type="button" class="button button-ghost" data-role="remove" aria-label={t('commerce.line.remove', { n: n() })} onClick={() => remove(line)}>
                            <span aria-hidden="true">✕</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <div>
        <button
          type="button"
          class="button button-secondary"
          data-role="add-line"
          onClick={() => {
            const line = props.editor.add();
            focusIn(line.key, 'product');
          }}
        >
          {t('commerce.line.add')}
        </button>
      </div>
    </div>
  );
}
