import { createSignal } from 'solid-js';
import { en } from './en';
import { id } from './id';
import type { Locale } from '../../api/types';

/**
 * Every key `t` knows: the core texts here, and each feature's, which its features/<module>/texts.ts
 * adds by declaration merging (`declare module '../../kit/i18n' { interface Texts … }`). It has to
 * be an interface: type aliases do not merge.
 */
export interface Texts extends Record<keyof typeof en, string> {}
export type MessageKey = keyof Texts;
export type Params = Record<string, string | number>;

export const LOCALE_OPTIONS = ['en', 'id'] as const satisfies readonly Locale[];
const STORAGE_KEY = 'relasi.locale';

// The core texts, and a feature's once a module of its pages imports its ./texts: a page ships
// only the catalogues it uses.
const loaded: Record<Locale, Partial<Texts>> = { en: { ...en }, id: { ...id } };

/** Makes a feature's catalogue (both languages) available to `t`; its ./texts calls this once. */
export function registerTexts<K extends MessageKey>(english: Record<K, string>, indonesian: Record<K, string>): void {
  Object.assign(loaded.en, english);
  Object.assign(loaded.id, indonesian);
}

// Islands hydrate with English (the static HTML); the stored choice is applied after mount
// so that hydration sees the same text the server rendered.
const [locale, setLocaleSignal] = createSignal<Locale>('en');
export { locale };

function interpolate(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * The message for `key` in the current locale (reactive inside JSX and effects). A feature key
 * whose ./texts the page never imported shows as the key itself, so the slip is visible.
 */
export function t(key: MessageKey, params?: Params): string {
  return interpolate(loaded[locale()][key] ?? key, params);
}

/** English text at build time, for the static parts Astro renders; a key the page has not loaded fails the build. */
export function tEn(key: MessageKey, params?: Params): string {
  const message = loaded.en[key];
  if (message === undefined) throw new Error(`No text for ${key}: the page must import its feature's texts`);
  return interpolate(message, params);
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
