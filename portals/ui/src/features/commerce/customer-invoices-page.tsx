import { api } from '../../api/endpoints';
import { DocumentListPage, InvoiceStatusBadge, formatDay } from './customer-commerce';
import { invoiceUrl, isOverdue } from './documents';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function InvoicesList() {
  const { list } = usePagedList(null, (_: null, cursor) => api.invoices.list({ cursor, limit: 25 }));
  return (
    <PagedTable
      list={list}
      empty={t('commerce.invoices.empty')}
      columns={[
        t('common.number'),
        t('commerce.doc.issuedAt'),
        t('common.status'),
        { label: t('common.total'), class: 'numeric' },
        { label: t('commerce.invoice.amountDue'), class: 'numeric' },
        t('commerce.invoice.dueDate'),
      ]}
      row={(invoice) => {
        const overdue = () => isOverdue(invoice);
        return (
          <>
            <th scope="row">
              <a href={invoiceUrl(invoice.id)}>{invoice.number}</a>
            </th>
            <td>{formatDate(invoice.issuedAt)}</td>
            <td>
              <InvoiceStatusBadge invoice={invoice} />
            </td>
            <td class="numeric">{formatMoney(invoice.total, invoice.currency)}</td>
            <td class="numeric" classList={{ overdue: overdue() }}>
              {formatMoney(invoice.amountDue, invoice.currency)}
            </td>
            <td classList={{ overdue: overdue() }}>{formatDay(invoice.dueDate)}</td>
          </>
        );
      }}
    />
  );
}

/** The customer's invoices, newest first: what is due and when, overdue ones marked. */
export function CustomerInvoicesPage() {
  return (
    <DocumentListPage current="invoices" intro={t('commerce.invoices.intro')}>
      <InvoicesList />
    </DocumentListPage>
  );
}
