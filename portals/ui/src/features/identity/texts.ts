import { registerTexts } from '../../kit/i18n';
import { identityEn } from './texts.en';
import { identityId } from './texts.id';

// The texts of signing in, profiles, the home pages and the users page. Every module that shows
// one of these keys imports this file: it loads the texts and adds their keys to `t`'s type; a
// page that imports nothing of it does not carry them.
declare module '../../kit/i18n' {
  interface Texts extends Record<keyof typeof identityEn, string> {}
}

registerTexts(identityEn, identityId);
