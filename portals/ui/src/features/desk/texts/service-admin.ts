import { registerCatalogueErrors } from '../../../kit/errors';
import type { AccountTier } from '../../../api/types';
import { serviceAdminEn, type ServiceAdminKey } from './service-admin-en';
import { serviceAdminId } from './service-admin-id';
import { translator } from '../../../kit/i18n/index';

export type { ServiceAdminKey };

/** The texts shared by the service admin screens and those of the service settings page, in the current locale (reactive, like `t`). */
export const tsa = translator<ServiceAdminKey>({ en: serviceAdminEn, id: serviceAdminId });

export const tierLabel = (tier: AccountTier) => tsa(`tier.${tier}`);

// Their error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(serviceAdminEn, tsa);
