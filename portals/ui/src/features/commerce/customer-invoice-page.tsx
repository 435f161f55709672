import { Match, Switch } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Invoice } from '../../api/types';
import { DocumentPage, InvoiceStatusBadge, Term, formatDay, shownInvoiceStatus, tc } from './customer-commerce';
import { DocumentLines, isOverdue, orderUrl, PdfLink } from './documents';
import { Payments } from './invoice-payments';
import { formatDate, formatMoney } from '../../kit/format';

function PaymentNote(props: { invoice: Invoice }) {
  const status = () => shownInvoiceStatus(props.invoice);
  const params = () => ({ amount: formatMoney(props.invoice.amountDue, props.invoice.currency), date: formatDay(props.invoice.dueDate) });
  return (
    <Switch>
      <Match when={status() === 'paid' || (status() !== 'cancelled' && props.invoice.amountDue === 0)}>
        <p class="alert alert-success">{tc('invoice.paid')}</p>
      </Match>
      <Match when={status() === 'overdue'}>
        <p class="alert alert-error">{tc('invoice.overdue', params())}</p>
      </Match>
      <Match when={status() === 'issued'}>
        <p>{tc('invoice.payBy', params())}</p>
      </Match>
    </Switch>
  );
}

function InvoiceView(props: { invoice: Invoice }) {
  const overdue = () => isOverdue(props.invoice);
  const money = (minor: number) => formatMoney(minor, props.invoice.currency);
  return (
    <>
      <section class="card stack" aria-labelledby="summary-title">
        <div class="section-header">
          <h2 id="summary-title">{tc('document.summary')}</h2>
          <div class="actions">
            <PdfLink href={api.invoices.pdfUrl(props.invoice.id)} number={props.invoice.number} />
          </div>
        </div>
        <PaymentNote invoice={props.invoice} />
        <dl class="details">
          <Term label={tc('doc.status')}>
            <InvoiceStatusBadge invoice={props.invoice} />
          </Term>
          <Term label={tc('invoice.amountDue')}>
            <span class="amount-due" classList={{ overdue: overdue() }}>
              {money(props.invoice.amountDue)}
            </span>
          </Term>
          <Term label={tc('doc.total')}>{money(props.invoice.total)}</Term>
          <Term label={tc('document.issuedAt')}>{formatDate(props.invoice.issuedAt)}</Term>
          <Term label={tc('invoice.dueDate')}>
            <span classList={{ overdue: overdue() }}>{formatDay(props.invoice.dueDate)}</span>
          </Term>
          <Term label={tc('document.order')}>
            <a href={orderUrl(props.invoice.orderId)}>{tc('document.viewOrder')}</a>
          </Term>
        </dl>
      </section>
      <Payments invoice={props.invoice} />
      <DocumentLines document={props.invoice} />
    </>
  );
}

/** One invoice: amount due and due date, payments received, lines, and the PDF. */
export function CustomerInvoicePage() {
  return (
    <DocumentPage current="invoices" titleKey="invoice.title" headingKey="invoice.heading" load={(id) => api.invoices.get(id)}>
      {(_, invoice) => <InvoiceView invoice={invoice()} />}
    </DocumentPage>
  );
}
