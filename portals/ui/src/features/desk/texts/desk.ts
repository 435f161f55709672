import { registerCatalogueErrors } from '../../../kit/errors';
import { deskEn, type DeskKey } from './desk-en';
import { deskId } from './desk-id';
import { translator } from '../../../kit/i18n/index';

export type { DeskKey };

/** The staff service desk's own texts in the current locale (reactive, like `t`). */
export const tsd = translator<DeskKey>({ en: deskEn, id: deskId });

// The error codes only staff meet, in the visitor's language instead of the API's English.
registerCatalogueErrors(deskEn, tsd);
