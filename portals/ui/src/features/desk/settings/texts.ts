import { registerTexts } from '../../../kit/i18n';
import { settingsEn } from './texts.en';
import { settingsId } from './texts.id';

// The desk settings' texts, apart from the other desk texts so that the ticket pages, which agents
// open all day, do not carry the admin screens' words.
declare module '../../../kit/i18n' {
  interface Texts extends Record<keyof typeof settingsEn, string> {}
}

registerTexts(settingsEn, settingsId);
