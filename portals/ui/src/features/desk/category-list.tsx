import { ValueList } from '../../kit/value-list';
import { tsa } from './texts/service-admin';

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
      inputLabel={tsa('admin.category')}
      addLabel={tsa('admin.categoryAdd')}
      removeLabel={tsa('admin.remove')}
      invalid={tsa('admin.categoryInvalid')}
      duplicate={tsa('admin.duplicate')}
      maxLength={60}
    />
  );
}
