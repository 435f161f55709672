import { createUniqueId, For } from 'solid-js';
import { STAFF_ROLE_OPTIONS, type StaffRole } from '../api/types';
import { t } from '../i18n';

type RoleCheckboxesProps = { value: StaffRole[]; onChange: (roles: StaffRole[]) => void };

export function RoleCheckboxes(props: RoleCheckboxesProps) {
  const hintId = createUniqueId();
  const toggle = (role: StaffRole, on: boolean) =>
    props.onChange(STAFF_ROLE_OPTIONS.filter((option) => (option === role ? on : props.value.includes(option))));
  return (
    <fieldset class="field checkbox-group" aria-describedby={hintId}>
      <legend>{t('users.roles')}</legend>
      <p class="field-hint" id={hintId}>
        {t('users.rolesHint')}
      </p>
      <For each={STAFF_ROLE_OPTIONS}>
        {(role) => (
          <label class="checkbox">
            <input type="checkbox" name="roles" value={role} checked={props.value.includes(role)} onChange={(e) => toggle(role, e.currentTarget.checked)} />
            {t(`role.${role}`)}
          </label>
        )}
      </For>
    </fieldset>
  );
}
