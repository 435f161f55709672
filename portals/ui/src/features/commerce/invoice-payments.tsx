import { Show } from 'solid-js';
import type { Invoice } from '../../api/types';
import { DataTable } from '../../kit/data-table';
import { numeric } from './documents';
import { formatDateTime, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

/** The payments received on an invoice, as both portals show them (apart from ./documents: only invoice pages need it). */
export function Payments(props: { invoice: Pick<Invoice, 'payments' | 'currency'> }) {
  const payments = () => props.invoice.payments ?? [];
  return (
    <section class="stack" aria-labelledby="payments-title">
      <h2 id="payments-title">{t('commerce.invoice.payments')}</h2>
      <Show when={payments().length > 0} fallback={<p class="empty">{t('commerce.invoice.noPayments')}</p>}>
        <DataTable
          items={payments()}
          columns={[t('commerce.invoice.paidAt'), numeric('commerce.invoice.amount')]}
          row={(payment) => (
            <>
              <td>{formatDateTime(payment.paidAt)}</td>
              <td class="numeric">{formatMoney(payment.amount, props.invoice.currency)}</td>
            </>
          )}
        />
      </Show>
    </section>
  );
}
