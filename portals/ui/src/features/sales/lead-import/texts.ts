import { registerCatalogueErrors } from '../../../kit/errors';
import { registerTexts } from '../../../kit/i18n';
import { leadImportEn } from './texts.en';
import { leadImportId } from './texts.id';

// The lead import screen's texts, apart from the other sales texts so that only the import page
// carries them (the staff home shows activities and stages, not the import).
declare module '../../../kit/i18n' {
  interface Texts extends Record<keyof typeof leadImportEn, string> {}
}

registerTexts(leadImportEn, leadImportId);
// The lead import's error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(leadImportEn);
