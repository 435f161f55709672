import { createSignal, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { ErrorAlert, MessageAlert, Notice } from '../../kit/alert';
import { Field } from '../../kit/field';
import { PortalShell } from '../../kit/portal-shell';
import { createSubmission } from '../../kit/submission';
import { t } from '../../kit/i18n';
import { queryParam } from '../../kit/navigation';
import type { PortalId } from '../../kit/portals';
import './texts';

const MIN_PASSWORD = 10;

function ResetForm(props: { token: string | null; invite: boolean }) {
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const [done, setDone] = createSignal(false);
  const submission = createSubmission();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const token = props.token;
    if (!token) return;
    if (password().length < MIN_PASSWORD) return setProblem(t('identity.auth.passwordTooShort'));
    if (password() !== repeat()) return setProblem(t('identity.auth.passwordMismatch'));
    if (await submission.run(async () => void (await api.auth.confirmReset(token, password())))) setDone(true);
  };

  return (
    <Show when={props.token} fallback={<MessageAlert message={t('identity.auth.noToken')} />}>
      <Show
        when={!done()}
        fallback={
          <>
            <Notice message={t('identity.auth.resetDone')} />
            <p>
              <a class="button button-primary" href="/sign-in/">
                {t('auth.goSignIn')}
              </a>
            </p>
          </>
        }
      >
        <form class="card form" onSubmit={(e) => void submit(e)}>
          <Show when={props.invite}>
            <p>{t('identity.auth.inviteIntro')}</p>
          </Show>
          <Field
            label={t('identity.auth.newPassword')}
            type="password"
            name="password"
            autocomplete="new-password"
            required
            autofocus
            minLength={MIN_PASSWORD}
            hint={t('identity.auth.passwordHint')}
            value={password()}
            onInput={setPassword}
          />
          <Field
            label={t('identity.auth.confirmPassword')}
            type="password"
            name="password-repeat"
            autocomplete="new-password"
            required
            value={repeat()}
            onInput={setRepeat}
          />
          <MessageAlert message={problem()} />
          <ErrorAlert error={submission.error()} />
          <button type="submit" class="button button-primary" disabled={submission.busy()}>
            {submission.busy() ? t('common.saving') : t('identity.auth.setPassword')}
          </button>
        </form>
      </Show>
    </Show>
  );
}

export function ResetPasswordPage(props: { portal: PortalId }) {
  const [params, setParams] = createSignal<{ token: string | null; invite: boolean }>();
  onMount(() => setParams({ token: queryParam('token'), invite: queryParam('invite') === '1' }));
  return (
    <PortalShell portal={props.portal} titleKey={params()?.invite ? 'identity.auth.inviteTitle' : 'identity.auth.resetTitle'} auth="none" narrow>
      {() => (
        <Show when={params()}>{(read) => <ResetForm token={read().token} invite={read().invite} />}</Show>
      )}
    </PortalShell>
  );
}
