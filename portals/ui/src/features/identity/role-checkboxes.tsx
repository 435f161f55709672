import { CheckboxGroup } from '../../kit/checkbox-group';
import { STAFF_ROLE_OPTIONS, type StaffRole } from '../../api/types';
import { t } from '../../kit/i18n';
import './texts';

type RoleCheckboxesProps = { value: StaffRole[]; onChange: (roles: StaffRole[]) => void };

export function RoleCheckboxes(props: RoleCheckboxesProps) {
  return (
    <CheckboxGroup
      legend={t('identity.users.roles')}
      hint={t('identity.users.rolesHint')}
      name="roles"
      options={STAFF_ROLE_OPTIONS}
      value={props.value}
      onChange={props.onChange}
      label={(role) => t(`identity.role.${role}`)}
    />
  );
}
