import { ValueList } from '../../kit/value-list';
import { t } from '../../kit/i18n';
import './texts';

type CategoryListProps = {
  label: string;
  hint?: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Shown when the list is empty (what no category means here). */
  empty: string;
  error?: string;
  display?: (value: string) => string;
};

/** Ticket categories (at most 60 characters each) as the service admin screens edit them: an SLA policy's or a team's. */
export function CategoryList(props: CategoryListProps) {
  return (
    <ValueList
      {...props}
      inputLabel={t('common.category')}
      addLabel={t('desk.admin.categoryAdd')}
      removeLabel={t('common.remove')}
      invalid={t('desk.admin.categoryInvalid')}
      duplicate={t('desk.admin.duplicate')}
      maxLength={60}
    />
  );
}
