import { api } from '../../api/endpoints';
import { DocumentListPage, formatDay } from './customer-commerce';
import { quoteUrl, StatusBadge } from './documents';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function QuotesList() {
  const { list } = usePagedList(null, (_: null, cursor) => api.quotes.list({ cursor, limit: 25 }));
  return (
    <PagedTable
      list={list}
      empty={t('commerce.quotes.empty')}
      columns={[t('common.number'), t('commerce.doc.date'), t('common.status'), { label: t('common.total'), class: 'numeric' }, t('commerce.quote.validUntil')]}
      row={(quote) => (
        <>
          <th scope="row">
            <a href={quoteUrl(quote.id)}>{quote.number}</a>
          </th>
          <td>{formatDate(quote.createdAt)}</td>
          <td>
            <StatusBadge kind="quote" status={quote.status} />
          </td>
          <td class="numeric">{formatMoney(quote.total, quote.currency)}</td>
          <td>{formatDay(quote.validUntil)}</td>
        </>
      )}
    />
  );
}

/** The customer's quotes, newest first (the API shows only its accounts' sent and later quotes). */
export function CustomerQuotesPage() {
  return (
    <DocumentListPage current="quotes" intro={t('commerce.quotes.intro')}>
      <QuotesList />
    </DocumentListPage>
  );
}
