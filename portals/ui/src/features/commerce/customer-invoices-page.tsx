import { api } from '../../api/endpoints';
import { DocumentListPage, InvoiceStatusBadge, formatDay, tc } from './customer-commerce';
import { invoiceUrl, isOverdue } from './documents';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { formatDate, formatMoney } from '../../kit/format';

function InvoicesList() {
  const { list } = usePagedList(null, (_: null, cursor) => api.invoices.list({ cursor, limit: 25 }));
  return (
    <PagedTable
      list={list}
      empty={tc('invoices.empty')}
      columns={[
        tc('doc.number'),
        tc('document.issuedAt'),
        tc('doc.status'),
        { label: tc('doc.total'), class: 'numeric' },
        { label: tc('invoice.amountDue'), class: 'numeric' },
        tc('invoice.dueDate'),
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
    <DocumentListPage current="invoices" intro={tc('invoices.intro')}>
      <InvoicesList />
    </DocumentListPage>
  );
}
