import { StaffShell } from '../components/staff-shell';
import { t } from '../i18n';

export function StaffHomePage() {
  return (
    <StaffShell current="home" titleKey="home.title">
      {(user) => (
        <div class="stack">
          <p class="lead">{t('home.welcome', { name: user.name })}</p>
          <p>{t('home.staffIntro')}</p>
          <ul class="cards">
            <li class="card">
              <h2>
                <a href="/accounts/">{t('nav.accounts')}</a>
              </h2>
            </li>
            <li class="card">
              <h2>
                <a href="/contacts/">{t('nav.contacts')}</a>
              </h2>
            </li>
          </ul>
        </div>
      )}
    </StaffShell>
  );
}
