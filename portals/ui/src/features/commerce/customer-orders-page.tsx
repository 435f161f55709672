import { api } from '../../api/endpoints';
import { DocumentListPage } from './customer-commerce';
import { orderUrl, StatusBadge } from './documents';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function OrdersList() {
  const { list } = usePagedList(null, (_: null, cursor) => api.orders.list({ cursor, limit: 25 }));
  return (
    <PagedTable
      list={list}
      empty={t('commerce.orders.empty')}
      columns={[t('common.number'), t('commerce.doc.date'), t('common.status'), { label: t('common.total'), class: 'numeric' }]}
      row={(order) => (
        <>
          <th scope="row">
            <a href={orderUrl(order.id)}>{order.number}</a>
          </th>
          <td>{formatDate(order.createdAt)}</td>
          <td>
            <StatusBadge kind="order" status={order.status} />
          </td>
          <td class="numeric">{formatMoney(order.total, order.currency)}</td>
        </>
      )}
    />
  );
}

/** The customer's sales orders, newest first, with where each one stands. */
export function CustomerOrdersPage() {
  return (
    <DocumentListPage current="orders" intro={t('commerce.orders.intro')}>
      <OrdersList />
    </DocumentListPage>
  );
}
