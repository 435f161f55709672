import type { Weekday } from '../../../api/types';
import { slaAdminEn, type SlaAdminKey } from './sla-admin-en';
import { slaAdminId } from './sla-admin-id';
import { translator } from '../../../kit/i18n/index';

export type { SlaAdminKey };

/** The texts of the SLA policies screen and its editor in the current locale (reactive, like `t`); only those pages load them. */
export const tsl = translator<SlaAdminKey>({ en: slaAdminEn, id: slaAdminId });

export const weekdayLabel = (day: Weekday) => tsl(`weekday.${day}`);
