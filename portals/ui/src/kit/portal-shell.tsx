import { For, Show, type JSX } from 'solid-js';
import { LocaleSwitch } from './locale-switch';
import { createSessionGate, GateView, useDocumentTitle, type GateMode } from './session-gate';
import { t, type MessageKey } from './i18n';
import { PORTALS, type PortalId } from './portals';
import { signOut, user } from './session';
import type { User } from '../api/types';

export type PortalNavId = 'home' | 'profile' | 'sign-in' | 'register' | 'quotes' | 'orders' | 'invoices' | 'tickets' | 'kb';

type Section = { id: PortalNavId; key: MessageKey; href: string; /** Also offered to visitors who have not signed in. */ public?: boolean };

// A portal's signed-in sections, between "Home" and "Profile"; the `public` ones also before "Sign in".
const SECTIONS: Partial<Record<PortalId, Section[]>> = {
  customer: [
    { id: 'quotes', key: 'nav.quotes', href: '/quotes/' },
    { id: 'orders', key: 'nav.orders', href: '/orders/' },
    { id: 'invoices', key: 'nav.invoices', href: '/invoices/' },
    { id: 'tickets', key: 'nav.support', href: '/tickets/' },
    { id: 'kb', key: 'nav.kb', href: '/kb/', public: true },
  ],
};

function SectionLinks(props: { sections: Section[] | undefined; current?: PortalNavId }) {
  return (
    <For each={props.sections}>
      {(section) => (
        <a href={section.href} aria-current={props.current === section.id ? 'page' : undefined}>
          {t(section.key)}
        </a>
      )}
    </For>
  );
}

/** Brand, navigation for signed-in or anonymous visitors, language switch. */
export function PortalHeader(props: { portal: PortalId; current?: PortalNavId }) {
  const current = (id: string) => (props.current === id ? 'page' : undefined);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          {t(PORTALS[props.portal].brandKey)}
        </a>
        <nav class="topnav" aria-label={t('nav.main')}>
          <Show
            when={user()}
            fallback={
              <>
                <SectionLinks sections={SECTIONS[props.portal]?.filter((section) => section.public)} current={props.current} />
                <a href="/sign-in/" aria-current={current('sign-in')}>
                  {t('auth.signIn')}
                </a>
                <Show when={props.portal !== 'staff'}>
                  <a href="/register/" aria-current={current('register')}>
                    {t('auth.register')}
                  </a>
                </Show>
              </>
            }
          >
            <a href="/" aria-current={current('home')}>
              {t('nav.home')}
            </a>
            <SectionLinks sections={SECTIONS[props.portal]} current={props.current} />
            <a href="/profile/" aria-current={current('profile')}>
              {t('nav.profile')}
            </a>
            <button type="button" class="button button-ghost" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </button>
          </Show>
          <LocaleSwitch />
        </nav>
      </header>
    </>
  );
}

type PortalShellProps = {
  portal: PortalId;
  titleKey: MessageKey;
  auth: GateMode;
  current?: PortalNavId;
  /** Overrides the translated title, e.g. with the document's number. */
  heading?: string;
  narrow?: boolean;
  children: (user: User | undefined) => JSX.Element;
};

/** Page frame of the customer, partner and investor portals and of every sign-in page. */
export function PortalShell(props: PortalShellProps) {
  const gate = createSessionGate(props.portal, props.auth);
  const heading = () => props.heading ?? t(props.titleKey);
  useDocumentTitle(props.portal, heading);
  return (
    <div class="app">
      <PortalHeader portal={props.portal} current={props.current} />
      <main id="main" tabindex="-1" class="content" classList={{ narrow: props.narrow }}>
        <h1>{heading()}</h1>
        <GateView
          portal={props.portal}
          state={gate.state()}
          onRetry={() => void gate.retry()}
          requireUser={props.auth === 'required'}
        >
          {(me) => props.children(me)}
        </GateView>
      </main>
    </div>
  );
}
