import type { Locale } from './texts';

/**
 * A lookup in one of the portals' module catalogues (their English and Indonesian texts), with
 * `{name}` parameters, so that selectors follow wording changes as `text` does for the common one.
 */
export function catalogue<K extends string>(en: Record<K, string>, id: Record<K, string>) {
  return (locale: Locale, key: K, params: Record<string, string> = {}): string =>
    (locale === 'en' ? en : id)[key].replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}
