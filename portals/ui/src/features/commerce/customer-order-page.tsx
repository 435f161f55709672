import { Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Order } from '../../api/types';
import { DocumentPage, OrderProgress, Term, tc } from './customer-commerce';
import { DocumentLines, invoiceUrl, quoteUrl, StatusBadge } from './documents';
import { formatDate, formatMoney } from '../../kit/format';

function OrderView(props: { order: Order }) {
  return (
    <>
      <section class="card stack" aria-labelledby="summary-title">
        <h2 id="summary-title">{tc('document.summary')}</h2>
        <OrderProgress status={props.order.status} />
        <dl class="details">
          <Term label={tc('doc.status')}>
            <StatusBadge kind="order" status={props.order.status} />
          </Term>
          <Term label={tc('document.date')}>{formatDate(props.order.createdAt)}</Term>
          <Term label={tc('doc.total')}>
            <strong>{formatMoney(props.order.total, props.order.currency)}</strong>
          </Term>
          <Term label={tc('document.quote')}>
            <a href={quoteUrl(props.order.quoteId)}>{tc('document.viewQuote')}</a>
          </Term>
          <Show when={props.order.invoiceId}>
            {(invoiceId) => (
              <Term label={tc('document.invoice')}>
                <a href={invoiceUrl(invoiceId())}>{tc('document.viewInvoice')}</a>
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
    <DocumentPage current="orders" titleKey="order.title" headingKey="order.heading" load={(id) => api.orders.get(id)}>
      {(_, order) => <OrderView order={order()} />}
    </DocumentPage>
  );
}
