import { hasStaffRole, isStaff, type Actor } from '../identity';
import { allowIf, type Decision } from './decision';

/**
 * Who may import leads from CSV files and follow the imports: sales and marketing staff
 * (admin holds every role), marketing because its event and campaign lists are what gets
 * imported. Other staff are refused (403); outside staff imports do not exist (404), for
 * every job id alike.
 */
export const leadImportPolicy = {
  /** Preview a file, start an import, list the imports and read one. */
  use(actor: Actor): Decision {
    if (!isStaff(actor)) return 'hide';
    return allowIf(hasStaffRole(actor, 'sales', 'marketing'));
  },
};
