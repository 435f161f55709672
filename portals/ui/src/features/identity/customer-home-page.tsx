import { For, Show, type JSX } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Page } from '../../api/types';
import { InvoiceStatusBadge, formatDay } from '../commerce/customer-commerce';
import { LoadState, useLoaded } from '../../kit/data-table';
import { invoiceUrl, orderUrl, quoteUrl, StatusBadge } from '../commerce/documents';
import { PortalShell } from '../../kit/portal-shell';
import { formatMoney } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import { recordUrl } from '../../kit/navigation';
import { user } from '../../kit/session';
import '../commerce/texts';
import './texts';

/** How many of the newest documents each card shows. */
const LATEST = 3;

type LatestCardProps<T> = {
  id: string;
  title: MessageKey;
  text: MessageKey;
  href: string;
  allLabel: string;
  empty: string;
  load: () => Promise<Page<T>>;
  item: (item: T) => JSX.Element;
};

/** A section of the home: what it is, its newest documents and the way to all of them. */
function LatestCard<T>(props: LatestCardProps<T>) {
  const latest = useLoaded(props.load);
  return (
    <li class="card">
      <h2 id={`${props.id}-title`}>{t(props.title)}</h2>
      <p class="muted">{t(props.text)}</p>
      <LoadState data={latest.data()} error={latest.error()} onRetry={() => void latest.load()}>
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p class="empty">{props.empty}</p>}>
            <ul class="latest">
              <For each={page().items}>{(item) => <li>{props.item(item)}</li>}</For>
            </ul>
          </Show>
        )}
      </LoadState>
      <a href={props.href}>{props.allLabel}</a>
    </li>
  );
}

/** Signed-in home of the customer portal: the newest quotes, orders and invoices of its accounts. */
export function CustomerHomePage() {
  return (
    <PortalShell portal="customer" titleKey="nav.home" auth="required" current="home">
      {() => (
        <div class="stack">
          <Show when={user()}>{(me) => <p class="lead">{t('identity.home.welcome', { name: me().name })}</p>}</Show>
          <p>{t('commerce.home.intro')}</p>
          <ul class="cards">
            <LatestCard
              id="quotes"
              title="nav.quotes"
              text="identity.home.quotesText"
              href="/quotes/"
              allLabel={t('commerce.quotes.all')}
              empty={t('commerce.quotes.empty')}
              load={() => api.quotes.list({ limit: LATEST })}
              item={(quote) => (
                <>
                  <a href={quoteUrl(quote.id)}>{quote.number}</a>
                  <StatusBadge kind="quote" status={quote.status} />
                  <span class="amount">{formatMoney(quote.total, quote.currency)}</span>
                </>
              )}
            />
            <LatestCard
              id="orders"
              title="nav.orders"
              text="identity.home.ordersText"
              href="/orders/"
              allLabel={t('commerce.orders.all')}
              empty={t('commerce.orders.empty')}
              load={() => api.orders.list({ limit: LATEST })}
              item={(order) => (
                <>
                  <a href={orderUrl(order.id)}>{order.number}</a>
                  <StatusBadge kind="order" status={order.status} />
                  <span class="amount">{formatMoney(order.total, order.currency)}</span>
                </>
              )}
            />
            <LatestCard
              id="invoices"
              title="nav.invoices"
              text="identity.home.invoicesText"
              href="/invoices/"
              allLabel={t('commerce.invoices.all')}
              empty={t('commerce.invoices.empty')}
              load={() => api.invoices.list({ limit: LATEST })}
              item={(invoice) => (
                <>
                  <a href={invoiceUrl(invoice.id)}>{invoice.number}</a>
                  <InvoiceStatusBadge invoice={invoice} />
                  <span class="amount">
                    {t('commerce.invoice.amountDue')}: {formatMoney(invoice.amountDue, invoice.currency)} · {formatDay(invoice.dueDate)}
                  </span>
                </>
              )}
            />
            <LatestCard
              id="tickets"
              title="identity.home.tickets"
              text="identity.home.ticketsText"
              href="/tickets/"
              allLabel={t('identity.home.ticketsAll')}
              empty={t('identity.home.ticketsEmpty')}
              load={() => api.tickets.list({ limit: LATEST })}
              item={(ticket) => (
                <>
                  <a href={recordUrl('ticket', ticket.id)}>{ticket.number}</a>
                  <span>{ticket.subject}</span>
                </>
              )}
            />
          </ul>
        </div>
      )}
    </PortalShell>
  );
}
