import { en, type MessageKey } from '../../../portals/ui/src/kit/i18n/en';
import { id } from '../../../portals/ui/src/kit/i18n/id';

export type Locale = 'en' | 'id';
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, id };

/**
 * The portals' text for `key` in `locale`, from their own catalogues, so the selectors follow
 * wording changes. Portals start in English; signing in switches to the user's preferred
 * language (the demo logins prefer Bahasa Indonesia).
 */
export function text(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}

/** The seeded demo logins (infra seed: infra/local/seed/demo-seed.ts). */
export const DEMO = {
  sales: { email: 'sales@kaktus.example', name: 'Budi Santoso', locale: 'id' },
  customer: { email: 'yeyen@kita.example', name: 'Yeyen Wulandari', locale: 'id' },
  partner: { email: 'partner@mitra.example', name: 'Rudi Hartono', locale: 'id' },
  investor: { email: 'investor@example.com', name: 'Dewi Anggraini', locale: 'id' },
} as const satisfies Record<string, { email: string; name: string; locale: Locale }>;
