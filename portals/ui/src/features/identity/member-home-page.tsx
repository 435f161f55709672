import { Show } from 'solid-js';
import { PlaceholderCards } from '../../kit/placeholder-cards';
import { PortalShell } from '../../kit/portal-shell';
import { t } from '../../kit/i18n';
import { user } from '../../kit/session';

/** Signed-in home of the partner portal (the customer portal's is customer-home-page). */
export function MemberHomePage() {
  return (
    <PortalShell portal="partner" titleKey="home.title" auth="required" current="home">
      {() => (
        <div class="stack">
          <Show when={user()}>{(me) => <p class="lead">{t('home.welcome', { name: me().name })}</p>}</Show>
          <p>{t('home.partnerIntro')}</p>
          <PlaceholderCards
            items={[
              { title: 'home.deals', text: 'home.dealsText' },
              { title: 'home.leads', text: 'home.leadsText' },
              { title: 'home.funds', text: 'home.fundsText' },
              { title: 'home.training', text: 'home.trainingText' },
            ]}
          />
        </div>
      )}
    </PortalShell>
  );
}
