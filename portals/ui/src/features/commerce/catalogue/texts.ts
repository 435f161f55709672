import { registerTexts } from '../../../kit/i18n';
import { catalogueEn } from './texts.en';
import { catalogueId } from './texts.id';

// The product catalogue's texts, apart from the other commerce texts so that the customer
// portal, which shows quotes, orders and invoices but never products or price lists, does not carry them.
declare module '../../../kit/i18n' {
  interface Texts extends Record<keyof typeof catalogueEn, string> {}
}

registerTexts(catalogueEn, catalogueId);
