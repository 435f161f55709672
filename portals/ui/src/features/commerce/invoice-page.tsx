import { createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Invoice } from '../../api/types';
import { AccountLink, orderNumber, RecordLink } from './commerce';
import { Dialog } from '../../kit/dialog';
import { DocumentLines, isOverdue, orderUrl, PdfLink, StatusBadge } from './documents';
import { Field } from '../../kit/field';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { Payments } from './invoice-payments';
import { ListRecordPage, useTitledRecord, type ListRecordProps } from '../../kit/list-record-page';
import { RecordView } from '../../kit/record-view';
import { formatDate, formatMoney } from '../../kit/format';
import { moneyPreview, parseMoneyInput } from '../../kit/money-input';
import { t } from '../../kit/i18n';
import './texts';

function Details(props: { invoice: Invoice }) {
  return (
    <dl class="details">
      <dt>{t('common.status')}</dt>
      <dd>
        <StatusBadge kind="invoice" status={props.invoice.status} />
      </dd>
      <dt>{t('commerce.invoice.amountDue')}</dt>
      <dd>
        <strong class="amount-due">{formatMoney(props.invoice.amountDue, props.invoice.currency)}</strong>
      </dd>
      <dt>{t('common.total')}</dt>
      <dd>{formatMoney(props.invoice.total, props.invoice.currency)}</dd>
      <dt>{t('commerce.invoice.dueDate')}</dt>
      <dd classList={{ overdue: isOverdue(props.invoice) }}>
        {formatDate(props.invoice.dueDate)}
        <Show when={isOverdue(props.invoice)}> ({t('commerce.invoice.pastDue')})</Show>
      </dd>
      <dt>{t('common.account')}</dt>
      <dd>
        <AccountLink id={props.invoice.accountId} name={props.invoice.accountName} />
      </dd>
      <dt>{t('commerce.order.number')}</dt>
      <dd>
        <RecordLink href={orderUrl(props.invoice.orderId)} label={orderNumber(props.invoice.orderId)} fallback={t('commerce.quote.openOrder')} />
      </dd>
      <dt>{t('commerce.invoice.issuedAt')}</dt>
      <dd>{formatDate(props.invoice.issuedAt)}</dd>
    </dl>
  );
}

type PaymentDialogProps = { invoice: Invoice; open: boolean; onClose: () => void; onRecorded: (invoice: Invoice, amount: number) => void };

/** Amount received, part payments too; more than is due is refused by the API with its message. */
function PaymentDialog(props: PaymentDialogProps) {
  const [amount, setAmount] = createSignal('');
  const form = createDialogForm(() => props.onClose());
  const currency = () => props.invoice.currency;
  const submit = form.onSubmit(async () => {
    const value = parseMoneyInput(amount(), currency());
    if (value === undefined || value <= 0) return form.setProblem(t('commerce.invoice.paymentInvalid'));
    await form.submission.run(async (key) => {
      props.onRecorded(await api.invoices.recordPayment(props.invoice.id, value, key), value);
      setAmount('');
      props.onClose();
    });
  });
  const hint = () => {
    const due = t('commerce.invoice.paymentHint', { amount: formatMoney(props.invoice.amountDue, currency()) });
    const preview = moneyPreview(amount(), currency());
    return preview ? `${due} ${preview}` : due;
  };
  return (
    <Dialog open={props.open} title={t('commerce.invoice.recordPayment')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <Field label={t('commerce.invoice.paymentAmount')} name="amount" required autofocus inputMode="decimal" hint={hint()} value={amount()} onInput={setAmount} />
        <FormFooter problem={form.problem()} submission={form.submission} label={t('commerce.invoice.recordPayment')} />
      </form>
    </Dialog>
  );
}

function InvoiceView(props: ListRecordProps) {
  const invoice = useTitledRecord(props, (id) => api.invoices.get(id), (loaded) => t('commerce.invoice.heading', { number: loaded.number }));
  const [paying, setPaying] = createSignal(false);
  const payable = (current: Invoice) => (current.status === 'issued' || current.status === 'overdue') && current.amountDue > 0;
  return (
    <RecordView record={invoice}>
      {(current) => (
        <>
          <section class="card stack" aria-labelledby="details-title">
            <div class="section-header">
              <h2 id="details-title">{t('commerce.doc.invoice')}</h2>
              <div class="actions">
                <Show when={payable(current())}>
                  <button type="button" class="button button-primary" onClick={() => setPaying(true)}>
                    {t('commerce.invoice.recordPayment')}
                  </button>
                </Show>
                <PdfLink href={api.invoices.pdfUrl(current().id)} number={current().number} />
              </div>
            </div>
            <Show when={current().status === 'paid'}>
              <p class="alert alert-success">{t('commerce.invoice.paidInFull')}</p>
            </Show>
            <Details invoice={current()} />
          </section>
          <Payments invoice={current()} />
          <DocumentLines document={current()} />
          <PaymentDialog
            invoice={current()}
            open={paying()}
            onClose={() => setPaying(false)}
            onRecorded={(updated, amount) => {
              invoice.show(updated);
              invoice.save.setSaved(t('commerce.invoice.paymentSaved', { amount: formatMoney(amount, updated.currency) }));
            }}
          />
        </>
      )}
    </RecordView>
  );
}

export function InvoicePage() {
  return <ListRecordPage list="invoices" view={InvoiceView} />;
}
