import { createSignal, For, Show, type JSX } from 'solid-js';
import { GlobalSearch } from './global-search';
import { NotificationBell } from './notification-bell';
import { LocaleSwitch } from './locale-switch';
import { createSessionGate, GateView, useDocumentTitle } from './session-gate';
import { t, type MessageKey } from './i18n';
import { isAdmin, signOut, user } from './session';
import type { User } from '../api/types';

export type StaffNavId = 'home' | 'accounts' | 'contacts' | 'leads' | 'pipeline' | 'forecast' | 'users' | 'profile'
  // staff commerce
  | 'products' | 'quotes' | 'orders' | 'invoices' | 'payment-settings'
  // service
  | 'tickets' | 'kb' | 'service-metrics' | 'sla-policies' | 'service-settings';

type NavItem = { id: string; key: MessageKey; href?: string; adminOnly?: boolean; children?: NavItem[] };

// Entries without href are modules of later releases, shown so the navigation does not move.
const NAV: NavItem[] = [
  { id: 'home', key: 'nav.home', href: '/' },
  { id: 'accounts', key: 'nav.accounts', href: '/accounts/' },
  { id: 'contacts', key: 'nav.contacts', href: '/contacts/' },
  {
    id: 'sales',
    key: 'nav.sales',
    children: [
      { id: 'leads', key: 'nav.leads', href: '/leads/' },
      { id: 'pipeline', key: 'nav.pipeline', href: '/pipeline/' },
      { id: 'forecast', key: 'nav.forecast', href: '/forecast/' },
      // staff commerce
      { id: 'products', key: 'nav.products', href: '/products/' },
      { id: 'quotes', key: 'nav.quotes', href: '/quotes/' },
      { id: 'orders', key: 'nav.orders', href: '/orders/' },
      { id: 'invoices', key: 'nav.invoices', href: '/invoices/' },
      { id: 'payment-settings', key: 'nav.paymentSettings', href: '/payment-settings/', adminOnly: true },
    ],
  },
  {
    id: 'service',
    key: 'nav.service',
    children: [
      { id: 'tickets', key: 'nav.tickets', href: '/tickets/' },
      { id: 'kb', key: 'nav.kb', href: '/kb/' },
      { id: 'service-metrics', key: 'nav.serviceMetrics', href: '/service-metrics/' },
      { id: 'sla-policies', key: 'nav.slaPolicies', href: '/sla-policies/', adminOnly: true },
      { id: 'service-settings', key: 'nav.serviceSettings', href: '/service-settings/', adminOnly: true },
    ],
  },
  { id: 'marketing', key: 'nav.marketing' },
  { id: 'partners', key: 'nav.partners' },
  { id: 'investor-relations', key: 'nav.investorRelations' },
  { id: 'users', key: 'nav.users', href: '/users/', adminOnly: true },
];

type StaffShellProps = {
  current: StaffNavId;
  titleKey: MessageKey;
  /** Overrides the translated title, e.g. with the record's name. */
  heading?: string;
  children: (user: User) => JSX.Element;
};

/** Header, navigation and session check around every signed-in staff page. */
export function StaffShell(props: StaffShellProps) {
  const gate = createSessionGate('staff', 'required');
  const heading = () => props.heading ?? t(props.titleKey);
  useDocumentTitle('staff', heading);
  const [menuOpen, setMenuOpen] = createSignal(false);
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header class="topbar">
        {/* On a phone the navigation folds away behind this button (wider screens never show it). */}
        <button type="button" class="button button-ghost menu-button" aria-expanded={menuOpen()} aria-controls="staff-nav" onClick={() => setMenuOpen(!menuOpen())}>
          {t('nav.menu')}
        </button>
        <a class="brand" href="/">
          {t('portal.staff')}
        </a>
        <div class="topbar-end">
          <Show when={user()}>
            <GlobalSearch />
          </Show>
          <Show when={user()}>
            <NotificationBell />
          </Show>
          <Show when={user()}>
            {(me) => (
              <a href="/profile/" aria-current={props.current === 'profile' ? 'page' : undefined}>
                {me().name}
              </a>
            )}
          </Show>
          <LocaleSwitch />
          <Show when={user()}>
            <button type="button" class="button button-ghost" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </button>
          </Show>
        </div>
      </header>
      <div class="app-body">
        <nav id="staff-nav" class="sidenav" classList={{ open: menuOpen() }} aria-label={t('nav.main')} onKeyDown={(event) => event.key === 'Escape' && setMenuOpen(false)}>
          <ul>
            <For each={NAV}>
              {(item) => (
                <Show when={!item.adminOnly || isAdmin(user())}>
                  <li>
                    <Show when={item.children}>
                      {(children) => (
                        <>
                          <span class="nav-group" id={`nav-${item.id}`}>
                            {t(item.key)}
                          </span>
                          <ul aria-labelledby={`nav-${item.id}`}>
                            <For each={children().filter((child) => !child.adminOnly || isAdmin(user()))}>
                              {(child) => (
                                <li>
                                  <a href={child.href} aria-current={props.current === child.id ? 'page' : undefined}>
                                    {t(child.key)}
                                  </a>
                                </li>
                              )}
                            </For>
                          </ul>
                        </>
                      )}
                    </Show>
                    <Show when={!item.children}>
                      <Show
                        when={item.href}
                        fallback={
                          <span class="nav-disabled" aria-disabled="true">
                            {t(item.key)} <small>({t('common.comingSoon')})</small>
                          </span>
                        }
                      >
                        {(href) => (
                          <a href={href()} aria-current={props.current === item.id ? 'page' : undefined}>
                            {t(item.key)}
                          </a>
                        )}
                      </Show>
                    </Show>
                  </li>
                </Show>
              )}
            </For>
          </ul>
        </nav>
        <main id="main" tabindex="-1" class="content">
          <h1>{heading()}</h1>
          <GateView portal="staff" state={gate.state()} onRetry={() => void gate.retry()} requireUser>
            {(me) => props.children(me as User)}
          </GateView>
        </main>
      </div>
    </div>
  );
}
