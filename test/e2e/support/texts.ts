import { en } from '../../../portals/ui/src/kit/i18n/en';
import { id } from '../../../portals/ui/src/kit/i18n/id';
import { commerceEn } from '../../../portals/ui/src/features/commerce/texts.en';
import { commerceId } from '../../../portals/ui/src/features/commerce/texts.id';
import { crmEn } from '../../../portals/ui/src/features/crm/texts.en';
import { crmId } from '../../../portals/ui/src/features/crm/texts.id';
import { deskEn } from '../../../portals/ui/src/features/desk/texts.en';
import { deskId } from '../../../portals/ui/src/features/desk/texts.id';
import { identityEn } from '../../../portals/ui/src/features/identity/texts.en';
import { identityId } from '../../../portals/ui/src/features/identity/texts.id';
import { kbEn } from '../../../portals/ui/src/features/kb/texts.en';
import { kbId } from '../../../portals/ui/src/features/kb/texts.id';
import { salesEn } from '../../../portals/ui/src/features/sales/texts.en';
import { salesId } from '../../../portals/ui/src/features/sales/texts.id';
import { catalogueEn } from '../../../portals/ui/src/features/commerce/catalogue/texts.en';
import { catalogueId } from '../../../portals/ui/src/features/commerce/catalogue/texts.id';
import { settingsEn } from '../../../portals/ui/src/features/desk/settings/texts.en';
import { settingsId } from '../../../portals/ui/src/features/desk/settings/texts.id';
import { leadImportEn } from '../../../portals/ui/src/features/sales/lead-import/texts.en';
import { leadImportId } from '../../../portals/ui/src/features/sales/lead-import/texts.id';
import { globalSearchEn, globalSearchId } from '../../../portals/ui/src/kit/global-search-texts';
import { notificationPanelEn, notificationPanelId } from '../../../portals/ui/src/kit/notification-texts';

export type Locale = 'en' | 'id';
const EN = { ...en, ...commerceEn, ...crmEn, ...deskEn, ...identityEn, ...kbEn, ...salesEn, ...leadImportEn, ...catalogueEn, ...settingsEn, ...globalSearchEn, ...notificationPanelEn };
/** A key of the portals' catalogues: the core ones and every feature's (as `t` takes it). */
export type TextKey = keyof typeof EN;
const CATALOGUES: Record<Locale, Record<TextKey, string>> = { en: EN, id: { ...id, ...commerceId, ...crmId, ...deskId, ...identityId, ...kbId, ...salesId, ...leadImportId, ...catalogueId, ...settingsId, ...globalSearchId, ...notificationPanelId } };

/**
 * The portals' text for `key` in `locale`, from their own catalogues, so the selectors follow
 * wording changes. Portals start in English; signing in switches to the user's preferred
 * language (the demo logins prefer Bahasa Indonesia).
 */
export function text(locale: Locale, key: TextKey, params: Record<string, string | number> = {}): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The seeded demo logins (infra seed: infra/local/seed/demo-seed.ts). */
export const DEMO = {
  sales: { email: 'sales@kaktus.example', name: 'Budi Santoso', locale: 'id' },
  customer: { email: 'yeyen@kita.example', name: 'Yeyen Wulandari', locale: 'id' },
  partner: { email: 'partner@mitra.example', name: 'Rudi Hartono', locale: 'id' },
  investor: { email: 'investor@example.com', name: 'Dewi Anggraini', locale: 'id' },
} as const satisfies Record<string, { email: string; name: string; locale: Locale }>;
