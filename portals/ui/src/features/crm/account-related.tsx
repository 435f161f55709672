import { onMount, type JSX } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Invoice, Opportunity, Order, Page, Quote, Ticket } from '../../api/types';
import { createPagedList } from '../../kit/paged-list';
import { PagedTable, type Column } from '../../kit/paged-table';
import { formatDate, formatMoney } from '../../kit/format';
import { opportunityUrl } from '../../kit/navigation';
import { t } from '../../kit/i18n';
import { invoiceUrl, orderUrl, quoteUrl, StatusBadge } from '../commerce/documents';
import { TicketLinkCells, TicketStatusBadge } from '../desk/ticket';
import { opportunityStatusLabel, stageName } from '../sales/sales';
import '../commerce/texts';
import './texts';

// The account's records of the other modules. Each list is one keyed query on the account
// (the lists' `accountId` filter), a short first page and "load more". The account page loads
// this module on its own (it carries the sales, commerce and desk words).

const PAGE = 5;

function Related<T>(props: { id: string; title: string; empty: string; fetch: (cursor: string | undefined) => Promise<Page<T>>; columns: Column[]; row: (item: T) => JSX.Element }) {
  const list = createPagedList((_: null, cursor) => props.fetch(cursor ?? undefined));
  onMount(() => void list.load(null));
  return (
    <section class="stack" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <PagedTable list={list} emptyHidesOnError empty={props.empty} columns={props.columns} row={props.row} />
    </section>
  );
}

const numeric = (label: string): Column => ({ label, class: 'numeric' });

/** Opportunities, quotes, orders, invoices (with the amount due) and tickets of one account. */
export default function AccountRelated(props: { accountId: string }) {
  const accountId = () => props.accountId;
  return (
    <>
      <Related<Opportunity>
        id="related-opportunities"
        title={t('crm.related.opportunities')}
        empty={t('crm.related.noOpportunities')}
        fetch={(cursor) => api.opportunities.list({ accountId: accountId(), cursor, limit: PAGE })}
        columns={[t('common.name'), t('crm.related.stage'), t('common.status'), numeric(t('crm.related.expectedRevenue'))]}
        row={(o) => (
          <>
            <th scope="row">
              <a href={opportunityUrl(o.id)}>{o.name}</a>
            </th>
            <td>{stageName([], o.stage)}</td>
            <td>{opportunityStatusLabel(o.status)}</td>
            <td class="numeric">{formatMoney(o.expectedRevenue.amount, o.expectedRevenue.currency)}</td>
          </>
        )}
      />
      <Related<Quote>
        id="related-quotes"
        title={t('nav.quotes')}
        empty={t('crm.related.noQuotes')}
        fetch={(cursor) => api.quotes.list({ accountId: accountId(), cursor, limit: PAGE })}
        columns={[t('commerce.doc.quote'), t('common.status'), t('common.created'), numeric(t('common.total'))]}
        row={(q) => (
          <>
            <th scope="row">
              <a href={quoteUrl(q.id)}>{q.number}</a>
            </th>
            <td>
              <StatusBadge kind="quote" status={q.status} />
            </td>
            <td>{formatDate(q.createdAt)}</td>
            <td class="numeric">{formatMoney(q.total, q.currency)}</td>
          </>
        )}
      />
      <Related<Order>
        id="related-orders"
        title={t('nav.orders')}
        empty={t('crm.related.noOrders')}
        fetch={(cursor) => api.orders.list({ accountId: accountId(), cursor, limit: PAGE })}
        columns={[t('commerce.doc.order'), t('common.status'), t('common.created'), numeric(t('common.total'))]}
        row={(o) => (
          <>
            <th scope="row">
              <a href={orderUrl(o.id)}>{o.number}</a>
            </th>
            <td>
              <StatusBadge kind="order" status={o.status} />
            </td>
            <td>{formatDate(o.createdAt)}</td>
            <td class="numeric">{formatMoney(o.total, o.currency)}</td>
          </>
        )}
      />
      <Related<Invoice>
        id="related-invoices"
        title={t('nav.invoices')}
        empty={t('crm.related.noInvoices')}
        fetch={(cursor) => api.invoices.list({ accountId: accountId(), cursor, limit: PAGE })}
        columns={[t('commerce.doc.invoice'), t('common.status'), t('commerce.invoice.dueDate'), numeric(t('common.total')), numeric(t('commerce.invoice.amountDue'))]}
        row={(i) => (
          <>
            <th scope="row">
              <a href={invoiceUrl(i.id)}>{i.number}</a>
            </th>
            <td>
              <StatusBadge kind="invoice" status={i.status} />
            </td>
            <td>{formatDate(i.dueDate)}</td>
            <td class="numeric">{formatMoney(i.total, i.currency)}</td>
            <td class="numeric">{formatMoney(i.amountDue, i.currency)}</td>
          </>
        )}
      />
      <Related<Ticket>
        id="related-tickets"
        title={t('nav.tickets')}
        empty={t('crm.related.noTickets')}
        fetch={(cursor) => api.tickets.list({ accountId: accountId(), cursor, limit: PAGE })}
        columns={[t('crm.related.ticket'), t('crm.related.subject'), t('common.status'), t('common.created')]}
        row={(ticket) => (
          <>
            <TicketLinkCells ticket={ticket} />
            <td>
              <TicketStatusBadge status={ticket.status} />
            </td>
            <td>{formatDate(ticket.createdAt)}</td>
          </>
        )}
      />
    </>
  );
}
