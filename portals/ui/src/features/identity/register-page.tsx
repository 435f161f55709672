import { createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { SelfServiceAudience } from '../../api/types';
import { ErrorAlert, MessageAlert, Notice } from '../../kit/alert';
import { Field } from '../../kit/field';
import { PortalShell } from '../../kit/portal-shell';
import { createSubmission } from '../../kit/submission';
import { locale, t } from '../../kit/i18n';
import { PORTALS } from '../../kit/portals';
import './texts';

const MIN_PASSWORD = 10;

function RegisterForm(props: { portal: SelfServiceAudience }) {
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [company, setCompany] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const [done, setDone] = createSignal(false);
  const submission = createSubmission();
  const askCompany = () => PORTALS[props.portal].askCompany;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    if (password().length < MIN_PASSWORD) {
      setProblem(t('identity.auth.passwordTooShort'));
      return;
    }
    const ok = await submission.run((key) =>
      api.auth.register(
        {
          name: name().trim(),
          email: email().trim(),
          password: password(),
          audience: props.portal,
          company: askCompany() && company().trim() ? company().trim() : undefined,
          locale: locale(),
        },
        key,
      ),
    );
    if (ok) setDone(true);
  };

  return (
    <Show
      when={!done()}
      fallback={
        <>
          <Notice message={t('identity.auth.registered')} />
          <p>
            <a href="/sign-in/">{t('auth.goSignIn')}</a>
          </p>
        </>
      }
    >
      <form class="card form" onSubmit={(e) => void submit(e)}>
        <Field label={t('common.name')} name="name" autocomplete="name" required autofocus maxLength={120} value={name()} onInput={setName} />
        <Field label={t('common.email')} type="email" name="email" autocomplete="email" required value={email()} onInput={setEmail} />
        <Show when={askCompany()}>
          <Field label={t('common.company')} name="company" autocomplete="organization" required maxLength={160} value={company()} onInput={setCompany} />
        </Show>
        <Field
          label={t('identity.auth.password')}
          type="password"
          name="password"
          autocomplete="new-password"
          required
          minLength={MIN_PASSWORD}
          hint={t('identity.auth.passwordHint')}
          value={password()}
          onInput={setPassword}
        />
        <MessageAlert message={problem()} />
        <ErrorAlert error={submission.error()} />
        <button type="submit" class="button button-primary" disabled={submission.busy()}>
          {submission.busy() ? t('identity.auth.registering') : t('auth.register')}
        </button>
        <p class="form-links">
          <a href="/sign-in/">{t('identity.auth.haveAccount')}</a>
        </p>
      </form>
    </Show>
  );
}

export function RegisterPage(props: { portal: SelfServiceAudience }) {
  return (
    <PortalShell portal={props.portal} titleKey="identity.auth.registerTitle" auth="none" current="register" narrow>
      {() => <RegisterForm portal={props.portal} />}
    </PortalShell>
  );
}
