import { registerCatalogueErrors } from '../../../kit/errors';
import { serviceEn, type ServiceKey } from './service-en';
import { serviceId } from './service-id';
import { translator } from '../../../kit/i18n/index';

export type { ServiceKey };

/** The texts of the ticket screens of both portals in the current locale (reactive, like `t`). */
export const ts = translator<ServiceKey>({ en: serviceEn, id: serviceId });

// The service API's error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(serviceEn, ts);
