import { Show } from 'solid-js';
import { PlaceholderCards } from '../../kit/placeholder-cards';
import { PortalShell } from '../../kit/portal-shell';
import { t } from '../../kit/i18n';
import { user } from '../../kit/session';
import './texts';

/** Signed-in home of the partner portal (the customer portal's is customer-home-page). */
export function MemberHomePage() {
  return (
    <PortalShell portal="partner" titleKey="nav.home" auth="required" current="home">
      {() => (
        <div class="stack">
          <Show when={user()}>{(me) => <p class="lead">{t('identity.home.welcome', { name: me().name })}</p>}</Show>
          <p>{t('identity.home.partnerIntro')}</p>
          <PlaceholderCards
            items={[
              { title: 'identity.home.deals', text: 'identity.home.dealsText' },
              { title: 'nav.leads', text: 'identity.home.leadsText' },
              { title: 'identity.home.funds', text: 'identity.home.fundsText' },
              { title: 'identity.home.training', text: 'identity.home.trainingText' },
            ]}
          />
        </div>
      )}
    </PortalShell>
  );
}
