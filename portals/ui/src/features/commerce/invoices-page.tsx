import { Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Invoice } from '../../api/types';
import { AccountLink } from './commerce';
import { invoiceUrl, isOverdue, StatusBadge } from './documents';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { StaffShell } from '../../kit/staff-shell';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

// The API lists invoices newest first with no status filter; overdue ones stand out in the list.
function InvoicesList() {
  const { list } = usePagedList<Invoice, null>(null, (_, cursor) => api.invoices.list({ cursor, limit: 25 }));
  return (
    <div class="stack">
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={t('commerce.invoice.empty')}
        columns={[
          t('commerce.doc.invoice'),
          t('common.account'),
          t('common.status'),
          { label: t('common.total'), class: 'numeric' },
          { label: t('commerce.invoice.amountDue'), class: 'numeric' },
          t('commerce.invoice.dueDate'),
        ]}
        row={(invoice) => (
          <>
            <th scope="row">
              <a href={invoiceUrl(invoice.id)}>{invoice.number}</a>
            </th>
            <td>
              <AccountLink id={invoice.accountId} name={invoice.accountName} />
            </td>
            <td>
              <StatusBadge kind="invoice" status={invoice.status} />
            </td>
            <td class="numeric">{formatMoney(invoice.total, invoice.currency)}</td>
            <td class="numeric">{formatMoney(invoice.amountDue, invoice.currency)}</td>
            <td classList={{ overdue: isOverdue(invoice) }}>
              {formatDate(invoice.dueDate)}
              <Show when={isOverdue(invoice)}> ({t('commerce.invoice.pastDue')})</Show>
            </td>
          </>
        )}
      />
    </div>
  );
}

export function InvoicesPage() {
  return (
    <StaffShell current="invoices" titleKey="nav.invoices">
      {() => <InvoicesList />}
    </StaffShell>
  );
}
