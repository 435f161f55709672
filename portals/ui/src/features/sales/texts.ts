import { registerTexts } from '../../kit/i18n';
import { salesEn } from './texts.en';
import { salesId } from './texts.id';

// The sales pages' texts. Every module that shows one of these keys imports this file: it loads
// the texts and adds their keys to `t`'s type; a page that imports nothing of it does not carry
// them.
declare module '../../kit/i18n' {
  interface Texts extends Record<keyof typeof salesEn, string> {}
}

registerTexts(salesEn, salesId);
