import { Show } from 'solid-js';
import { PortalShell } from '../../kit/portal-shell';
import { ProfileForm } from './profile-form';
import { StaffShell } from '../../kit/staff-shell';
import type { PortalId } from '../../kit/portals';
import './texts';

export function ProfilePage(props: { portal: PortalId }) {
  return (
    <Show
      when={props.portal === 'staff'}
      fallback={
        <PortalShell portal={props.portal} titleKey="identity.profile.title" auth="required" current="profile" narrow>
          {(user) => <Show when={user}>{(me) => <ProfileForm user={me()} />}</Show>}
        </PortalShell>
      }
    >
      <StaffShell current="profile" titleKey="identity.profile.title">
        {(user) => <ProfileForm user={user} />}
      </StaffShell>
    </Show>
  );
}
