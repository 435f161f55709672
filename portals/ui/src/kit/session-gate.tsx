import { createEffect, createSignal, Match, onMount, Switch, type JSX } from 'solid-js';
import { ErrorAlert, Loading } from './alert';
import { applyStoredLocale, t, type MessageKey } from './i18n';
import { signInUrl } from './navigation';
import { PORTALS, type PortalId } from './portals';
import { loadSession, type SessionState } from './session';
import type { User } from '../api/types';

export type GateMode = 'required' | 'optional' | 'none';
type GateState = SessionState | { kind: 'checking' };

/** Checks the session after hydration; a required session missing sends the user to sign in. */
export function createSessionGate(portal: PortalId, mode: GateMode) {
  const [state, setState] = createSignal<GateState>(mode === 'none' ? { kind: 'anonymous' } : { kind: 'checking' });
  const check = async () => {
    setState({ kind: 'checking' });
    const result = await loadSession(portal);
    if (result.kind === 'anonymous' && mode === 'required') {
      window.location.replace(signInUrl());
      return;
    }
    setState(result);
  };
  onMount(() => {
    applyStoredLocale();
    if (mode !== 'none') void check();
  });
  return { state, retry: check };
}

/** Keeps the tab title in the current language. */
export function useDocumentTitle(portal: PortalId, heading: () => string) {
  createEffect(() => {
    document.title = `${heading()} — ${t(PORTALS[portal].brandKey)}`;
  });
}

type GateViewProps = {
  portal: PortalId;
  state: GateState;
  onRetry: () => void;
  /** Rendered once signed in (or for optional gates, also when anonymous). */
  children: (user: User | undefined) => JSX.Element;
  requireUser: boolean;
};

export function GateView(props: GateViewProps) {
  const user = () => (props.state.kind === 'signed-in' ? props.state.user : undefined);
  const errorOf = () => (props.state.kind === 'error' ? props.state.error : undefined);
  return (
    <Switch>
      <Match when={props.state.kind === 'checking'}>
        <Loading label={t('shell.checking')} />
      </Match>
      <Match when={props.state.kind === 'wrong-portal'}>
        <div class="alert alert-error" role="alert">
          <p>{t('error.wrongPortal', { portal: t(`audience.${props.portal}` as MessageKey) })}</p>
          <p>
            <a href="/sign-in/">{t('auth.goSignIn')}</a>
          </p>
        </div>
      </Match>
      <Match when={props.state.kind === 'error'}>
        <ErrorAlert error={errorOf()} onRetry={props.onRetry} />
      </Match>
      <Match when={props.state.kind === 'signed-in' || !props.requireUser}>{props.children(user())}</Match>
    </Switch>
  );
}
