import { Show } from 'solid-js';
import type { Invoice } from '../../api/types';
import { Term } from './customer-commerce';
import { t } from '../../kit/i18n';
import './texts';

/** The bank account to pay an open invoice to, with its number as the reference; nothing when the company has set none or nothing is due. */
export function PaymentInstructions(props: { invoice: Invoice }) {
  const payable = () => (props.invoice.status === 'issued' || props.invoice.status === 'overdue') && props.invoice.amountDue > 0;
  return (
    <Show when={payable() && props.invoice.paymentInstructions}>
      {(payment) => (
        <section class="card stack" aria-labelledby="payment-title">
          <h2 id="payment-title">{t('commerce.payment.heading')}</h2>
          <p>{t('commerce.payment.intro')}</p>
          <dl class="details">
            <Term label={t('commerce.payment.bank')}>{payment().bankName}</Term>
            <Term label={t('commerce.payment.accountNumber')}>
              <span class="payment-account">{payment().accountNumber}</span>
            </Term>
            <Term label={t('commerce.payment.accountHolder')}>{payment().accountHolder}</Term>
            <Term label={t('commerce.payment.reference')}>
              <strong>{payment().reference}</strong>
            </Term>
          </dl>
        </section>
      )}
    </Show>
  );
}
