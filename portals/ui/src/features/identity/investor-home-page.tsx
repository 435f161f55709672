import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { CompanyProfile } from '../../api/types';
import { ErrorAlert, Loading } from '../../kit/alert';
import { PortalHeader } from '../../kit/portal-shell';
import { useDocumentTitle } from '../../kit/session-gate';
import { applyStoredLocale, locale, t } from '../../kit/i18n';
import { loadSession, user } from '../../kit/session';
import './texts';

/** Public home of the investor portal: the company profile, no sign-in needed. */
export function InvestorHomePage() {
  const [company, setCompany] = createSignal<CompanyProfile>();
  const [error, setError] = createSignal<unknown>();
  // Fetched in the browser: the profile changes without a rebuild of the site.
  const fetchCompany = async () => {
    setError(undefined);
    try {
      setCompany(await api.company.get());
    } catch (caught) {
      setError(caught);
    }
  };
  onMount(() => {
    applyStoredLocale();
    void fetchCompany();
    void loadSession('investor');
  });
  useDocumentTitle('investor', () => company()?.name ?? t('nav.investorRelations'));
  return (
    <div class="app">
      <PortalHeader portal="investor" current="home" />
      <main id="main" tabindex="-1" class="content">
        <Show
          when={company()}
          fallback={
            <>
              <h1>{t('nav.investorRelations')}</h1>
              <Show when={error()} fallback={<Loading />}>
                <p>{t('identity.investor.loadFailed')}</p>
                <ErrorAlert error={error()} onRetry={() => void fetchCompany()} />
              </Show>
            </>
          }
        >
          {(profile) => (
            <article class="stack company">
              <h1>{profile().name}</h1>
              <p class="lead">{profile().tagline[locale()]}</p>
              <section aria-labelledby="overview-title">
                <h2 id="overview-title">{t('identity.investor.overview')}</h2>
                <p>{profile().overview[locale()]}</p>
              </section>
              <section aria-labelledby="vision-title">
                <h2 id="vision-title">{t('identity.investor.vision')}</h2>
                <p>{profile().vision[locale()]}</p>
              </section>
              <section aria-labelledby="mission-title">
                <h2 id="mission-title">{t('identity.investor.mission')}</h2>
                <ol>
                  <For each={profile().mission[locale()]}>{(item) => <li>{item}</li>}</For>
                </ol>
              </section>
            </article>
          )}
        </Show>
        <aside class="card" aria-labelledby="join-title">
          <h2 id="join-title">{t('identity.investor.joinTitle')}</h2>
          <p>{t('identity.investor.soon')}</p>
          <Show
            when={user()}
            fallback={
              <>
                <p>{t('identity.investor.joinText')}</p>
                <p class="actions">
                  <a class="button button-primary" href="/register/">
                    {t('auth.register')}
                  </a>
                  <a class="button button-secondary" href="/sign-in/">
                    {t('auth.signIn')}
                  </a>
                </p>
              </>
            }
          >
            {(me) => <p>{t('identity.investor.signedInAs', { name: me().name })}</p>}
          </Show>
        </aside>
      </main>
    </div>
  );
}
