import { registerCatalogueErrors } from '../../../kit/errors';
import { metricsEn, type MetricsKey } from './metrics-en';
import { metricsId } from './metrics-id';
import { translator } from '../../../kit/i18n/index';

export type { MetricsKey };

/** The texts of the service metrics in the current locale (reactive, like `t`). */
export const tm = translator<MetricsKey>({ en: metricsEn, id: metricsId });

// Their error codes in the visitor's language instead of the API's English.
registerCatalogueErrors(metricsEn, tm);
