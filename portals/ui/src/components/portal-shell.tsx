import { Show, type JSX } from 'solid-js';
import { LocaleSwitch } from './locale-switch';
import { createSessionGate, GateView, useDocumentTitle, type GateMode } from './session-gate';
import { t, type MessageKey } from '../i18n';
import { PORTALS, type PortalId } from '../portals';
import { signOut, user } from '../session';
import type { User } from '../api/types';

/** Brand, navigation for signed-in or anonymous visitors, language switch. */
export function PortalHeader(props: { portal: PortalId; current?: 'home' | 'profile' | 'sign-in' | 'register' }) {
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
  current?: 'home' | 'profile' | 'sign-in' | 'register';
  narrow?: boolean;
  children: (user: User | undefined) => JSX.Element;
};

/** Page frame of the customer, partner and investor portals and of every sign-in page. */
export function PortalShell(props: PortalShellProps) {
  const gate = createSessionGate(props.portal, props.auth);
  useDocumentTitle(props.portal, () => t(props.titleKey));
  return (
    <div class="app">
      <PortalHeader portal={props.portal} current={props.current} />
      <main id="main" tabindex="-1" class="content" classList={{ narrow: props.narrow }}>
        <h1>{t(props.titleKey)}</h1>
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
