import { registerCatalogueErrors } from '../../../kit/errors';
import { leadImportEn, type LeadImportKey } from './lead-import-en';
import { leadImportId } from './lead-import-id';
import { translator } from '../../../kit/i18n/index';

export type { LeadImportKey };

/** The texts of the lead import screen in the current locale (reactive, like `t`). */
export const ti = translator<LeadImportKey>({ en: leadImportEn, id: leadImportId });

// The import's error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(leadImportEn, ti);
