
import { t } from '../../kit/i18n';
import './texts';
/** Minutes as "45 min", "3 h 20 min" or "2 d 4 h"; "—" for none. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return t('common.none');
  const total = Math.round(minutes);
  if (total < 60) return t('common.minutes', { n: total });
  if (total < 24 * 60) return t('desk.duration.hours', { h: Math.floor(total / 60), m: total % 60 });
  return t('desk.duration.days', { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60) });
}
