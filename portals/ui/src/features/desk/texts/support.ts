import { supportEn, type SupportKey } from './support-en';
import { supportId } from './support-id';
import { translator } from '../../../kit/i18n/index';

export type { SupportKey };

/** The texts of the customer portal's support pages in the current locale (reactive, like `t`). */
export const tsu = translator<SupportKey>({ en: supportEn, id: supportId });
