import type { Locale } from '../../../platform/locale';

/** A text in each language Relasi speaks. */
export type Localized<T = string> = Record<Locale, T>;

/** What the company's public profile says (the investor portal's home page). */
export type CompanyProfileContent = {
  name: string;
  tagline: Localized;
  overview: Localized;
  vision: Localized;
  mission: Localized<string[]>;
};

/** How customers pay an invoice by bank transfer; the reference they quote is the invoice number. */
export type PaymentInstructions = {
  bankName: string;
  accountNumber: string;
  accountHolder: string;
};
