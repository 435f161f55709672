import { createSignal, Show } from 'solid-js';
import { ApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import { ErrorAlert, MessageAlert } from '../../kit/alert';
import { Field } from '../../kit/field';
import { PortalShell } from '../../kit/portal-shell';
import { createSubmission } from '../../kit/submission';
import { setLocale, t, type MessageKey } from '../../kit/i18n';
import { queryParam, safeNext } from '../../kit/navigation';
import { PORTALS, type PortalId } from '../../kit/portals';
import { canUse, setUser } from '../../kit/session';
import './texts';

function SignInForm(props: { portal: PortalId }) {
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [refused, setRefused] = createSignal<string>();
  const submission = createSubmission();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setRefused(undefined);
    const refuse = (): void => void setRefused(t('error.wrongPortal', { portal: t(`audience.${props.portal}` as MessageKey) }));
    await submission.run(async () => {
      // The API refuses a login that does not belong to this portal; older sessions are checked here too.
      const answer = await api.auth.login({ email: email().trim(), password: password() }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'wrong_portal') return undefined;
        throw error;
      });
      if (!answer) return refuse();
      const { user } = answer;
      if (!canUse(user, props.portal)) {
        await api.auth.logout().catch(() => undefined);
        return refuse();
      }
      setUser(user);
      setLocale(user.locale);
      window.location.assign(safeNext(queryParam('next'), PORTALS[props.portal].home));
    });
  };

  return (
    <form class="card form" onSubmit={(e) => void submit(e)}>
      <Field label={t('common.email')} type="email" name="email" autocomplete="username" required autofocus value={email()} onInput={setEmail} />
      <Field label={t('identity.auth.password')} type="password" name="password" autocomplete="current-password" required value={password()} onInput={setPassword} />
      <ErrorAlert error={submission.error()} />
      <MessageAlert message={refused()} />
      <button type="submit" class="button button-primary" disabled={submission.busy()}>
        {submission.busy() ? t('identity.auth.signingIn') : t('auth.signIn')}
      </button>
      <p class="form-links">
        <a href="/forgot-password/">{t('identity.auth.forgotLink')}</a>
        <Show when={props.portal !== 'staff'}>
          <a href="/register/">{t('identity.auth.registerLink')}</a>
        </Show>
      </p>
    </form>
  );
}

export function SignInPage(props: { portal: PortalId }) {
  return (
    <PortalShell portal={props.portal} titleKey="auth.signIn" auth="none" current="sign-in" narrow>
      {() => <SignInForm portal={props.portal} />}
    </PortalShell>
  );
}
