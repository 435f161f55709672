import { createSignal } from 'solid-js';
import { api } from '../../api/endpoints';
import type { User } from '../../api/types';
import { ErrorAlert, Notice } from '../../kit/alert';
import { Field, SelectField } from '../../kit/field';
import { createSubmission } from '../../kit/submission';
import { isLocale, LOCALE_OPTIONS, setLocale, t } from '../../kit/i18n';
import { setUser, signOut } from '../../kit/session';
import './texts';

/** Name and preferred language of the signed-in user, plus sign out. */
export function ProfileForm(props: { user: User }) {
  const [name, setName] = createSignal(props.user.name);
  const [preferred, setPreferred] = createSignal(props.user.locale);
  const [saved, setSaved] = createSignal<string>();
  const submission = createSubmission();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const ok = await submission.run(async () => {
      const { user } = await api.auth.updateMe({ name: name().trim(), locale: preferred() });
      setUser(user);
      setLocale(user.locale);
    });
    if (ok) setSaved(t('identity.profile.saved'));
  };

  return (
    <div class="stack">
      <form class="card form" onSubmit={(e) => void submit(e)}>
        <Field label={t('common.email')} type="email" value={props.user.email} onInput={() => undefined} readOnly hint={t('identity.profile.emailReadOnly')} />
        <Field label={t('common.name')} name="name" autocomplete="name" required maxLength={120} value={name()} onInput={setName} />
        <SelectField
          label={t('identity.profile.locale')}
          name="locale"
          value={preferred()}
          onChange={(value) => isLocale(value) && setPreferred(value)}
          options={LOCALE_OPTIONS.map((option) => ({ value: option, label: t(`locale.${option}`) }))}
        />
        <ErrorAlert error={submission.error()} />
        <Notice message={saved()} />
        <button type="submit" class="button button-primary" disabled={submission.busy()}>
          {submission.busy() ? t('common.saving') : t('common.save')}
        </button>
      </form>
      <div>
        <button type="button" class="button button-secondary" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </button>
      </div>
    </div>
  );
}
