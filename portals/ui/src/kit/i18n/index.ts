import { createSignal } from 'solid-js';
import { en, type MessageKey } from './en';
import { id } from './id';
import type { Locale } from '../../api/types';

export type { MessageKey };
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, id };
export const LOCALE_OPTIONS = ['en', 'id'] as const satisfies readonly Locale[];
const STORAGE_KEY = 'relasi.locale';

// Islands hydrate with English (the static HTML); the stored choice is applied after mount
// so that hydration sees the same text the server rendered.
const [locale, setLocaleSignal] = createSignal<Locale>('en');
export { locale };

function interpolate(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The message for `key` in the current locale (reactive inside JSX and effects). */
export function t(key: MessageKey, params?: Params): string {
  return interpolate(catalogues[locale()][key], params);
}

/**
 * A `t` for a module's own catalogue (texts only its pages load, so they do not weigh on every
 * page); it follows the same locale signal and `{name}` parameters as `t`.
 */
export function translator<K extends string>(catalogues: Record<Locale, Record<K, string>>): (key: K, params?: Params) => string {
  return (key, params) => interpolate(catalogues[locale()][key], params);
}

/** English text at build time, for the static parts Astro renders. */
export function tEn(key: MessageKey, params?: Params): string {
  return interpolate(en[key], params);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'id';
}

export function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Switches the texts, `<html lang>` and remembers the choice on this device. */
export function setLocale(next: Locale): void {
  setLocaleSignal(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** Applies the stored choice; call from onMount of every island. */
export function applyStoredLocale(): void {
  const stored = storedLocale();
  if (stored && stored !== locale()) setLocale(stored);
}
