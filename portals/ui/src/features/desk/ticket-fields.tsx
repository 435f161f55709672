import { SelectField } from '../../kit/field';
import { t } from '../../kit/i18n';
import { categoryLabel, TICKET_CATEGORIES } from './ticket';
import './texts';

type Option = { value: string; label: string };

/** The options of a select, with the current value kept even when the list does not hold it (a team removed, a category typed elsewhere). */
export function withCurrent(options: Option[], current: string, label: string): Option[] {
  return !current || options.some((option) => option.value === current) ? options : [...options, { value: current, label }];
}

/** The category select of the ticket forms on both portals; `kept`, a category typed elsewhere, stays a choice as written. */
export function CategoryField(props: { value: string; onChange: (value: string) => void; kept?: string }) {
  const listed = () => [{ value: '', label: t('desk.category.none') }, ...TICKET_CATEGORIES.map((value) => ({ value, label: categoryLabel(value) }))];
  return <SelectField label={t('common.category')} name="category" value={props.value} onChange={props.onChange} options={withCurrent(listed(), props.kept ?? '', props.kept ?? '')} />;
}
