import { createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { User } from '../../api/types';
import { ErrorAlert, Notice } from '../../kit/alert';
import { Field, SelectField } from '../../kit/field';
import { createSubmission } from '../../kit/submission';
import { isLocale, LOCALE_OPTIONS, setLocale, t } from '../../kit/i18n';
import { DEFAULT_TIME_ZONE } from '../../kit/time-zone';
import { setUser, signOut } from '../../kit/session';
import './texts';

// Indonesia's three zones; a zone set another way (through the API) stays selectable as written.
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

function zoneOptions(current: string) {
  const options = ZONES.map((zone) => ({ value: zone as string, label: t(`identity.timeZone.${zone}`) }));
  return (ZONES as readonly string[]).includes(current) ? options : [...options, { value: current, label: current }];
}

// The reminder lead times offered (minutes); another value set through the API stays selectable as written.
const LEADS = [0, 5, 10, 15, 30, 60, 120, 1440] as const;
const DEFAULT_LEAD = 15;

function leadLabel(minutes: number): string {
  if (minutes === 0) return t('identity.profile.reminderAtTime');
  return minutes % 60 === 0 ? t('identity.profile.reminderHours', { count: minutes / 60 }) : t('identity.profile.reminderMinutes', { count: minutes });
}

function leadOptions(current: number) {
  const values: number[] = (LEADS as readonly number[]).includes(current) ? [...LEADS] : [...LEADS, current].sort((a, b) => a - b);
  return values.map((value) => ({ value: String(value), label: leadLabel(value) }));
}

/** Name, preferred language and time zone of the signed-in user (staff: reminder lead time), plus sign out. */
export function ProfileForm(props: { user: User }) {
  const [name, setName] = createSignal(props.user.name);
  const [preferred, setPreferred] = createSignal(props.user.locale);
  const [zone, setZone] = createSignal(props.user.timeZone ?? DEFAULT_TIME_ZONE);
  const isStaff = props.user.audiences.includes('staff');
  const [lead, setLead] = createSignal(props.user.reminderLeadMinutes ?? DEFAULT_LEAD);
  const [saved, setSaved] = createSignal<string>();
  const submission = createSubmission();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const ok = await submission.run(async () => {
      const { user } = await api.auth.updateMe({ name: name().trim(), locale: preferred(), timeZone: zone(), ...(isStaff ? { reminderLeadMinutes: lead() } : {}) });
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
        <SelectField
          label={t('identity.profile.timeZone')}
          name="timeZone"
          value={zone()}
          onChange={(value) => setZone(value)}
          options={zoneOptions(zone())}
        />
        <Show when={isStaff}>
          <SelectField
            label={t('identity.profile.reminderLead')}
            name="reminderLeadMinutes"
            value={String(lead())}
            onChange={(value) => setLead(Number(value))}
            options={leadOptions(lead())}
          />
        </Show>
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
