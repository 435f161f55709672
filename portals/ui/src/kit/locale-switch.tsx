import { For } from 'solid-js';
import { api } from '../api/endpoints';
import { isLocale, locale, LOCALE_OPTIONS, setLocale, t } from './i18n';
import { setUser, user } from './session';

/** English / Bahasa Indonesia; saved on this device and, when signed in, in the profile. */
export function LocaleSwitch() {
  const change = (value: string) => {
    if (!isLocale(value)) return;
    setLocale(value);
    if (user()) {
      // The device keeps the choice even if saving it to the profile fails.
      api.auth.updateMe({ locale: value }).then(({ user: updated }) => setUser(updated), () => undefined);
    }
  };
  return (
    <label class="locale-switch">
      <span>{t('common.language')}</span>
      <select value={locale()} onChange={(e) => change(e.currentTarget.value)}>
        <For each={LOCALE_OPTIONS}>
          {(option) => (
            <option value={option} lang={option} selected={option === locale()}>
              {t(`locale.${option}`)}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}
