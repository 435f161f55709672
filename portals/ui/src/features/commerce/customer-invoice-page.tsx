import { Match, Switch } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Invoice } from '../../api/types';
import { DocumentPage, InvoiceStatusBadge, Term, formatDay, shownInvoiceStatus } from './customer-commerce';
import { DocumentLines, isOverdue, orderUrl, PdfLink } from './documents';
import { Payments } from './invoice-payments';
import { PaymentInstructions } from './payment-instructions';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function PaymentNote(props: { invoice: Invoice }) {
  const status = () => shownInvoiceStatus(props.invoice);
  const params = () => ({ amount: formatMoney(props.invoice.amountDue, props.invoice.currency), date: formatDay(props.invoice.dueDate) });
  return (
    <Switch>
      <Match when={status() === 'paid' || (status() !== 'cancelled' && props.invoice.amountDue === 0)}>
        <p class="alert alert-success">{t('commerce.invoice.paid')}</p>
      </Match>
      <Match when={status() === 'overdue'}>
        <p class="alert alert-error">{t('commerce.invoice.overdue', params())}</p>
      </Match>
      <Match when={status() === 'issued'}>
        <p>{t('commerce.invoice.payBy', params())}</p>
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
          <h2 id="summary-title">{t('commerce.doc.summary')}</h2>
          <div class="actions">
            <PdfLink href={api.invoices.pdfUrl(props.invoice.id)} number={props.invoice.number} />
          </div>
        </div>
        <PaymentNote invoice={props.invoice} />
        <dl class="details">
          <Term label={t('common.status')}>
            <InvoiceStatusBadge invoice={props.invoice} />
          </Term>
          <Term label={t('commerce.invoice.amountDue')}>
            <span class="amount-due" classList={{ overdue: overdue() }}>
              {money(props.invoice.amountDue)}
            </span>
          </Term>
          <Term label={t('common.total')}>{money(props.invoice.total)}</Term>
          <Term label={t('commerce.doc.issuedAt')}>{formatDate(props.invoice.issuedAt)}</Term>
          <Term label={t('commerce.invoice.dueDate')}>
            <span classList={{ overdue: overdue() }}>{formatDay(props.invoice.dueDate)}</span>
          </Term>
          <Term label={t('commerce.doc.order')}>
            <a href={orderUrl(props.invoice.orderId)}>{t('commerce.doc.viewOrder')}</a>
          </Term>
        </dl>
      </section>
      <PaymentInstructions invoice={props.invoice} />
      <Payments invoice={props.invoice} />
      <DocumentLines document={props.invoice} />
    </>
  );
}

/** One invoice: amount due and due date, payments received, lines, and the PDF. */
export function CustomerInvoicePage() {
  return (
    <DocumentPage current="invoices" titleKey="commerce.doc.invoice" headingKey="commerce.invoice.heading" load={(id) => api.invoices.get(id)}>
      {(_, invoice) => <InvoiceView invoice={invoice()} />}
    </DocumentPage>
  );
}
