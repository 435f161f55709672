import { registerCatalogueErrors } from '../../kit/errors';
import { registerTexts } from '../../kit/i18n';
import { deskEn } from './texts.en';
import { deskId } from './texts.id';

// The service desk pages' texts. Every module that shows one of these keys imports this file: it
// loads the texts and adds their keys to `t`'s type; a page that imports nothing of it does not
// carry them.
declare module '../../kit/i18n' {
  interface Texts extends Record<keyof typeof deskEn, string> {}
}

registerTexts(deskEn, deskId);
// The service API's error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(deskEn);
