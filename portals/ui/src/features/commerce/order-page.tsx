import { createSignal, Show } from 'solid-js';
import { newIdempotencyKey } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Order, OrderStatus } from '../../api/types';
import { ORDER_TRANSITIONS } from '../../../../../shared/modules/commerce/domain/order-status';
import { AccountLink, invoiceNumber, opportunityName, quoteNumber, RecordLink } from './commerce';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { DocumentLines, invoiceUrl, quoteUrl, statusLabel, StatusBadge } from './documents';
import { SelectField } from '../../kit/field';
import { ListRecordPage, useTitledRecord, type ListRecordProps } from '../../kit/list-record-page';
import { ConflictAlert, RecordView, type RecordState } from '../../kit/record-view';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import { opportunityUrl } from '../../kit/navigation';
import './texts';

function Details(props: { order: Order }) {
  return (
    <dl class="details">
      <dt>{t('common.status')}</dt>
      <dd>
        <StatusBadge kind="order" status={props.order.status} />
      </dd>
      <dt>{t('common.account')}</dt>
      <dd>
        <AccountLink id={props.order.accountId} name={props.order.accountName} />
      </dd>
      <dt>{t('commerce.doc.quote')}</dt>
      <dd>
        <RecordLink href={quoteUrl(props.order.quoteId)} label={quoteNumber(props.order.quoteId)} fallback={t('commerce.order.openQuote')} />
      </dd>
      <Show when={props.order.opportunityId}>
        {(id) => (
          <>
            <dt>{t('common.opportunity')}</dt>
            <dd>
              <RecordLink href={opportunityUrl(id())} label={opportunityName(id())} fallback={t('open.opportunity')} />
            </dd>
          </>
        )}
      </Show>
      <dt>{t('commerce.doc.invoice')}</dt>
      <dd>
        <Show when={props.order.invoiceId} fallback={t('common.none')}>
          {(id) => <RecordLink href={invoiceUrl(id())} label={invoiceNumber(id())} fallback={t('commerce.order.openInvoice')} />}
        </Show>
      </dd>
      <dt>{t('common.total')}</dt>
      <dd>{formatMoney(props.order.total, props.order.currency)}</dd>
      <dt>{t('common.created')}</dt>
      <dd>{formatDate(props.order.createdAt)}</dd>
    </dl>
  );
}

/** The next statuses the order may take (shared/modules/commerce/domain/order-status); cancelling asks first. */
function StatusForm(props: { order: RecordState<Order>; current: Order; onCancel: () => void }) {
  const next = () => ORDER_TRANSITIONS[props.current.status];
  const [target, setTarget] = createSignal<OrderStatus | undefined>(next()[0]);
  const save = () => props.order.save;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const status = target();
    if (!status) return;
    if (status === 'cancelled') return props.onCancel();
    const base = props.current;
    void save()
      .submit(async () => props.order.show(await api.orders.setStatus(base.id, base.version, status)))
      .then((ok) => ok && save().setSaved(t('commerce.order.statusSaved', { status: statusLabel('order', status) })));
  };
  return (
    <Show when={next().length > 0} fallback={<p class="muted">{t('commerce.order.final', { status: statusLabel('order', props.current.status).toLowerCase() })}</p>}>
      <form class="inline-form" onSubmit={submit}>
        <SelectField
          label={t('commerce.order.moveTo')}
          name="status"
          value={target() ?? ''}
          onChange={(value) => setTarget(value as OrderStatus)}
          options={next().map((status) => ({ value: status, label: statusLabel('order', status) }))}
        />
        <button type="submit" class="button button-secondary" disabled={save().busy()}>
          {save().busy() ? t('common.saving') : t('commerce.order.changeStatus')}
        </button>
      </form>
      <ConflictAlert submission={save()} onReload={() => save().reload()} />
    </Show>
  );
}

function OrderView(props: ListRecordProps) {
  const order = useTitledRecord(props, (id) => api.orders.get(id), (loaded) => t('commerce.order.pageTitle', { number: loaded.number }));
  const [action, setAction] = createSignal<'invoice' | 'cancel'>();
  return (
    <RecordView record={order}>
      {(current) => (
        <>
          <section class="card stack" aria-labelledby="details-title">
            <div class="section-header">
              <h2 id="details-title">{t('commerce.order.number')}</h2>
              <div class="actions">
                <Show when={!current().invoiceId && current().status !== 'cancelled'}>
                  <button type="button" class="button button-primary" onClick={() => setAction('invoice')}>
                    {t('commerce.order.createInvoice')}
                  </button>
                </Show>
                <Show when={current().invoiceId}>
                  {(id) => (
                    <a class="button button-secondary" href={invoiceUrl(id())}>
                      {t('commerce.order.openInvoice')}
                    </a>
                  )}
                </Show>
              </div>
            </div>
            <Details order={current()} />
            {/* Keyed on the version: after a change the choice starts from the new status. */}
            <Show when={current().version} keyed>
              <StatusForm order={order} current={current()} onCancel={() => setAction('cancel')} />
            </Show>
          </section>
          <DocumentLines document={current()} />
          <ConfirmDialog
            open={action() === 'invoice'}
            tone="primary"
            title={t('commerce.order.invoiceTitle')}
            message={t('commerce.order.invoiceText', { number: current().number, total: formatMoney(current().total, current().currency) })}
            confirmLabel={t('commerce.order.createInvoice')}
            onClose={() => setAction(undefined)}
            onConfirm={async () => {
              const { invoiceId } = await api.orders.invoice(current().id, newIdempotencyKey());
              window.location.assign(invoiceUrl(invoiceId));
            }}
          />
          <ConfirmDialog
            open={action() === 'cancel'}
            title={t('commerce.order.cancelTitle')}
            message={t('commerce.order.cancelText', { number: current().number })}
            confirmLabel={t('commerce.order.cancelTitle')}
            onClose={() => setAction(undefined)}
            onConfirm={async () => {
              const base = current();
              order.show(await api.orders.setStatus(base.id, base.version, 'cancelled'));
              order.save.setSaved(t('commerce.order.statusSaved', { status: statusLabel('order', 'cancelled') }));
            }}
          />
        </>
      )}
    </RecordView>
  );
}

export function OrderPage() {
  return <ListRecordPage list="orders" view={OrderView} />;
}
