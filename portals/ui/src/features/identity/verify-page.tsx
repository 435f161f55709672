import { createSignal, Match, onMount, Switch } from 'solid-js';
import { api } from '../../api/endpoints';
import { ErrorAlert, Loading, MessageAlert, Notice } from '../../kit/alert';
import { PortalShell } from '../../kit/portal-shell';
import { t } from '../../kit/i18n';
import { queryParam } from '../../kit/navigation';
import type { PortalId } from '../../kit/portals';
import './texts';

type VerifyState = { kind: 'working' } | { kind: 'done' } | { kind: 'no-token' } | { kind: 'failed'; error: unknown };

function Verify() {
  const [state, setState] = createSignal<VerifyState>({ kind: 'working' });
  onMount(async () => {
    const token = queryParam('token');
    if (!token) {
      setState({ kind: 'no-token' });
      return;
    }
    try {
      await api.auth.verify(token);
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  });
  const failure = () => {
    const current = state();
    return current.kind === 'failed' ? current.error : undefined;
  };
  return (
    <div class="card">
      <Switch>
        <Match when={state().kind === 'working'}>
          <Loading label={t('identity.auth.verifying')} />
        </Match>
        <Match when={state().kind === 'done'}>
          <Notice message={t('identity.auth.verified')} />
          <p>
            <a class="button button-primary" href="/sign-in/">
              {t('auth.goSignIn')}
            </a>
          </p>
        </Match>
        <Match when={state().kind === 'no-token'}>
          <MessageAlert message={t('identity.auth.noToken')} />
        </Match>
        <Match when={state().kind === 'failed'}>
          <ErrorAlert error={failure()} />
        </Match>
      </Switch>
    </div>
  );
}

export function VerifyPage(props: { portal: PortalId }) {
  return (
    <PortalShell portal={props.portal} titleKey="identity.auth.verifyTitle" auth="none" narrow>
      {() => <Verify />}
    </PortalShell>
  );
}
