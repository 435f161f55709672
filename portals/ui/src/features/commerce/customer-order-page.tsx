import { Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Order } from '../../api/types';
import { DocumentPage, OrderProgress, Term } from './customer-commerce';
import { DocumentLines, invoiceUrl, quoteUrl, StatusBadge } from './documents';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function OrderView(props: { order: Order }) {
  return (
    <>
      <section class="card stack" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('commerce.doc.summary')}</h2>
        <OrderProgress status={props.order.status} />
        <dl class="details">
          <Term label={t('common.status')}>
            <StatusBadge kind="order" status={props.order.status} />
          </Term>
          <Term label={t('commerce.doc.date')}>{formatDate(props.order.createdAt)}</Term>
          <Term label={t('common.total')}>
            <strong>{formatMoney(props.order.total, props.order.currency)}</strong>
          </Term>
          <Term label={t('commerce.doc.quote')}>
            <a href={quoteUrl(props.order.quoteId)}>{t('commerce.doc.viewQuote')}</a>
          </Term>
          <Show when={props.order.invoiceId}>
            {(invoiceId) => (
              <Term label={t('commerce.doc.invoice')}>
                <a href={invoiceUrl(invoiceId())}>{t('commerce.doc.viewInvoice')}</a>
              </Term>
            )}
          </Show>
        </dl>
      </section>
      <DocumentLines document={props.order} />
    </>
  );
}

/** One sales order: where it stands (confirmed → in progress → shipped → delivered), lines and total. */
export function CustomerOrderPage() {
  return (
    <DocumentPage current="orders" titleKey="commerce.doc.order" headingKey="commerce.order.heading" load={(id) => api.orders.get(id)}>
      {(_, order) => <OrderView order={order()} />}
    </DocumentPage>
  );
}
