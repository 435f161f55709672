import { registerCatalogueErrors } from '../errors';
import type { AccountTier, Weekday } from '../api/types';
import { serviceAdminEn, type ServiceAdminKey } from './service-admin-en';
import { serviceAdminId } from './service-admin-id';
import { translator } from './index';

export type { ServiceAdminKey };

/** The texts of the SLA policies and service settings screens in the current locale (reactive, like `t`). */
export const tsa = translator<ServiceAdminKey>({ en: serviceAdminEn, id: serviceAdminId });

export const weekdayLabel = (day: Weekday) => tsa(`weekday.${day}`);
export const tierLabel = (tier: AccountTier) => tsa(`tier.${tier}`);

// Their error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(serviceAdminEn, tsa);
