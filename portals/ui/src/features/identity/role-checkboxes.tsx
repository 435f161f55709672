import { CheckboxGroup } from '../../kit/checkbox-group';
import { STAFF_ROLE_OPTIONS, type StaffRole } from '../../api/types';
import { t } from '../../kit/i18n';

type RoleCheckboxesProps = { value: StaffRole[]; onChange: (roles: StaffRole[]) => void };

export function RoleCheckboxes(props: RoleCheckboxesProps) {
  return (
    <CheckboxGroup
      legend={t('users.roles')}
      hint={t('users.rolesHint')}
      name="roles"
      options={STAFF_ROLE_OPTIONS}
      value={props.value}
      onChange={props.onChange}
      label={(role) => t(`role.${role}`)}
    />
  );
}
