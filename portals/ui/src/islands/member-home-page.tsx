import { Show } from 'solid-js';
import { PlaceholderCards } from '../components/placeholder-cards';
import { PortalShell } from '../components/portal-shell';
import { t, type MessageKey } from '../i18n';
import { user } from '../session';

type Section = { title: MessageKey; text: MessageKey };

const SECTIONS: Record<'customer' | 'partner', { intro: MessageKey; items: Section[] }> = {
  customer: {
    intro: 'home.customerIntro',
    items: [
      { title: 'home.quotes', text: 'home.quotesText' },
      { title: 'home.orders', text: 'home.ordersText' },
      { title: 'home.invoices', text: 'home.invoicesText' },
      { title: 'home.tickets', text: 'home.ticketsText' },
    ],
  },
  partner: {
    intro: 'home.partnerIntro',
    items: [
      { title: 'home.deals', text: 'home.dealsText' },
      { title: 'home.leads', text: 'home.leadsText' },
      { title: 'home.funds', text: 'home.fundsText' },
      { title: 'home.training', text: 'home.trainingText' },
    ],
  },
};

/** Signed-in home of the customer and partner portals. */
export function MemberHomePage(props: { portal: 'customer' | 'partner' }) {
  const section = () => SECTIONS[props.portal];
  return (
    <PortalShell portal={props.portal} titleKey="home.title" auth="required" current="home">
      {() => (
        <div class="stack">
          <Show when={user()}>{(me) => <p class="lead">{t('home.welcome', { name: me().name })}</p>}</Show>
          <p>{t(section().intro)}</p>
          <PlaceholderCards items={section().items} />
        </div>
      )}
    </PortalShell>
  );
}
