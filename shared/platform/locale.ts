/** The languages Relasi speaks, and the Intl locale each one formats with. */
export const LOCALES = ['en', 'id'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** The Intl locale each language formats numbers and dates with; en-GB keeps the day-month order Indonesian readers expect in English too. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', id: 'id-ID' };
