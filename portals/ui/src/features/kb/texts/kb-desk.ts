import { registerCatalogueErrors } from '../../../kit/errors';
import { kbDeskEn, type KbDeskKey } from './kb-desk-en';
import { kbDeskId } from './kb-desk-id';
import { translator } from '../../../kit/i18n/index';

export type { KbDeskKey };

/** The texts of the knowledge base editor and the staff list of articles in the current locale (reactive, like `t`). */
export const tkd = translator<KbDeskKey>({ en: kbDeskEn, id: kbDeskId });

// Their error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(kbDeskEn, tkd);
