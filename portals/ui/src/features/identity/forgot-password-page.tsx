import { createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../kit/alert';
import { Field } from '../../kit/field';
import { PortalShell } from '../../kit/portal-shell';
import { createSubmission } from '../../kit/submission';
import { t } from '../../kit/i18n';
import type { PortalId } from '../../kit/portals';
import './texts';

function ForgotForm() {
  const [email, setEmail] = createSignal('');
  const [sent, setSent] = createSignal(false);
  const submission = createSubmission();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (await submission.run(() => api.auth.requestReset(email().trim()))) setSent(true);
  };
  return (
    <Show
      when={!sent()}
      fallback={
        <>
          <Notice message={t('identity.auth.resetSent')} />
          <p>
            <a href="/sign-in/">{t('auth.goSignIn')}</a>
          </p>
        </>
      }
    >
      <form class="card form" onSubmit={(e) => void submit(e)}>
        <p>{t('identity.auth.forgotIntro')}</p>
        <Field label={t('common.email')} type="email" name="email" autocomplete="email" required autofocus value={email()} onInput={setEmail} />
        <ErrorAlert error={submission.error()} />
        <button type="submit" class="button button-primary" disabled={submission.busy()}>
          {submission.busy() ? t('common.sending') : t('identity.auth.sendLink')}
        </button>
        <p class="form-links">
          <a href="/sign-in/">{t('auth.goSignIn')}</a>
        </p>
      </form>
    </Show>
  );
}

export function ForgotPasswordPage(props: { portal: PortalId }) {
  return (
    <PortalShell portal={props.portal} titleKey="identity.auth.forgotTitle" auth="none" narrow>
      {() => <ForgotForm />}
    </PortalShell>
  );
}
