import { api } from '../../api/endpoints';
import type { Order } from '../../api/types';
import { AccountLink } from './commerce';
import { orderUrl, quoteUrl, StatusBadge } from './documents';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { StaffShell } from '../../kit/staff-shell';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function OrdersList() {
  const { list } = usePagedList<Order, null>(null, (_, cursor) => api.orders.list({ cursor, limit: 25 }));
  return (
    <div class="stack">
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={t('commerce.order.empty')}
        columns={[t('commerce.order.number'), t('common.account'), t('common.status'), { label: t('common.total'), class: 'numeric' }, t('commerce.doc.quote'), t('common.created')]}
        row={(order) => (
          <>
            <th scope="row">
              <a href={orderUrl(order.id)}>{order.number}</a>
            </th>
            <td>
              <AccountLink id={order.accountId} name={order.accountName} />
            </td>
            <td>
              <StatusBadge kind="order" status={order.status} />
            </td>
            <td class="numeric">{formatMoney(order.total, order.currency)}</td>
            <td>
              <a href={quoteUrl(order.quoteId)}>{t('commerce.order.openQuote')}</a>
            </td>
            <td>{formatDate(order.createdAt)}</td>
          </>
        )}
      />
    </div>
  );
}

export function OrdersPage() {
  return (
    <StaffShell current="orders" titleKey="nav.orders">
      {() => <OrdersList />}
    </StaffShell>
  );
}
