import { For, lazy, Show, Suspense } from 'solid-js';
import type { User } from '../../api/types';
import { Loading } from '../../kit/alert';
import { StaffShell } from '../../kit/staff-shell';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';

// Each role's part is its own chunk: a page carries only the parts of its user's roles.
const SalesHome = lazy(() => import('../sales/sales-home'));
const ServiceHome = lazy(() => import('../desk/service-home'));
const AdminHome = lazy(() => import('./admin-home'));

function GeneralHome(props: { user: User }) {
  const links: { href: string; key: MessageKey }[] = [
    { href: '/accounts/', key: 'nav.accounts' },
    { href: '/contacts/', key: 'nav.contacts' },
    { href: '/leads/', key: 'nav.leads' },
    { href: '/pipeline/', key: 'nav.pipeline' },
  ];
  return (
    <div class="stack">
      <p class="lead">{t('identity.home.welcome', { name: props.user.name })}</p>
      <p>{t('identity.home.staffIntro')}</p>
      <ul class="cards">
        <For each={links}>
          {(link) => (
            <li class="card">
              <h2>
                <a href={link.href}>{t(link.key)}</a>
              </h2>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

/** A section per role the user holds; a user with none of sales, service and admin gets the links. */
function RoleSections(props: { user: User }) {
  const has = (role: string) => props.user.roles.includes(role as User['roles'][number]);
  const admin = () => has('admin');
  return (
    <Show when={has('sales') || has('service') || admin()} fallback={<GeneralHome user={props.user} />}>
      <div class="stack">
        <p class="lead">{t('identity.home.welcome', { name: props.user.name })}</p>
        <Suspense fallback={<Loading />}>
          <Show when={has('sales')}>
            <SalesHome user={props.user} />
          </Show>
          <Show when={has('service')}>
            <ServiceHome />
          </Show>
          <Show when={admin()}>
            <AdminHome />
          </Show>
        </Suspense>
      </div>
    </Show>
  );
}

export function StaffHomePage() {
  return (
    <StaffShell current="home" titleKey="nav.home">
      {(user) => <RoleSections user={user} />}
    </StaffShell>
  );
}
