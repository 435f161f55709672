import { kbEn, type KbKey } from './kb-en';
import { kbId } from './kb-id';
import { translator } from '../../../kit/i18n/index';

export type { KbKey };

/** The knowledge base's texts in the current locale (reactive, like `t`). */
export const tk = translator<KbKey>({ en: kbEn, id: kbId });
