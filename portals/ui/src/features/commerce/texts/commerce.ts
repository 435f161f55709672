import { registerCatalogueErrors } from '../../../kit/errors';
import { commerceEn, type CommerceKey } from './commerce-en';
import { commerceId } from './commerce-id';
import { translator } from '../../../kit/i18n/index';

export type { CommerceKey };

/** The texts of the commerce screens in the current locale (reactive, like `t`). */
export const tc = translator<CommerceKey>({ en: commerceEn, id: commerceId });

// The API's error codes of the sales documents, in the visitor's language instead of the API's English.
registerCatalogueErrors(commerceEn, tc);
