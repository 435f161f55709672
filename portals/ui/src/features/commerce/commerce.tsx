import { createSignal } from 'solid-js';
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

// The API gives documents an account id only: each name is read once per page and shared.
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

export function AccountLink(props: { id: string }) {
  return <a href={accountUrl(props.id)}>{accountName(props.id) ?? t('open.account')}</a>;
}
