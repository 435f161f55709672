import { createSignal, onMount } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Product } from '../../api/types';
import { allPages } from '../../kit/paged-list';
import { accountUrl, recordUrl } from '../../kit/navigation';
import { t } from '../../kit/i18n';

// The staff portal's commerce screens; what customers see too is in ./documents.

export const productUrl = (id: string) => recordUrl('product', id);

/** A number typed in a number input (dot decimals), within [min, max] with at most `decimals` places. */
export function parseDecimal(input: string, decimals: number, min: number, max: number): number | undefined {
  const text = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  const scale = 10 ** decimals;
  if (value < min || value > max || Math.abs(value * scale - Math.round(value * scale)) > 1e-6) return undefined;
  return value;
}

/** A percentage as the API takes it: 0–100, at most two decimals; blank reads as 0. */
export function parsePercent(input: string): number | undefined {
  return input.trim() === '' ? 0 : parseDecimal(input, 2, 0, 100);
}

/** Every active product (the catalogue is small: a few pages of 100), for line and price pickers. */
export function loadActiveProducts(): Promise<Product[]> {
  return allPages((cursor) => api.products.list({ active: true, limit: 100, cursor }));
}

// Documents come with their account's name; one the API answered without (after a write) is read once per page and shared.
const [accountNames, setAccountNames] = createSignal<Record<string, string>>({});
const asked = new Set<string>();

/** The account's name once read (undefined until then, or when it cannot be read). */
export function accountName(id: string): string | undefined {
  if (!asked.has(id)) {
    asked.add(id);
    api.accounts.get(id).then(
      (account) => setAccountNames((names) => ({ ...names, [id]: account.name })),
      () => undefined,
    );
  }
  return accountNames()[id];
}

/** The document's account by name, linked to its page. */
export function AccountLink(props: { id: string; name?: string }) {
  return <a href={accountUrl(props.id)}>{props.name ?? accountName(props.id) ?? t('open.account')}</a>;
}

/**
 * A link to a related record (the quote of an order, the order of an invoice…) named by its
 * number or name, read once when the page shows it; the fallback words only while it loads or
 * when it cannot be read.
 */
export function RecordLink(props: { href: string; label: () => Promise<string>; fallback: string }) {
  const [label, setLabel] = createSignal<string>();
  onMount(() => void props.label().then(setLabel, () => undefined));
  return <a href={props.href}>{label() ?? props.fallback}</a>;
}

export const opportunityName = (id: string) => () => api.opportunities.get(id).then((o) => o.name);
export const quoteNumber = (id: string) => () => api.quotes.get(id).then((q) => q.number);
export const orderNumber = (id: string) => () => api.orders.get(id).then((o) => o.number);
export const invoiceNumber = (id: string) => () => api.invoices.get(id).then((i) => i.number);
