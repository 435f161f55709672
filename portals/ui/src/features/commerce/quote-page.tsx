import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { canConfirmQuote } from '../../../../../shared/modules/commerce/domain/quote-status';
import { newIdempotencyKey } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Product, Quote } from '../../api/types';
import { MessageAlert } from '../../kit/alert';
import { AccountLink, accountName, loadActiveProducts, opportunityName, orderNumber, RecordLink } from './commerce';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { DocumentLines, orderUrl, PdfLink, statusLabel, StatusBadge, TotalsBox } from './documents';
import { Field } from '../../kit/field';
import { ListRecordPage, useTitledRecord, type ListRecordProps } from '../../kit/list-record-page';
import { ConflictAlert, RecordView, type RecordState } from '../../kit/record-view';
import { createLinesEditor, QuoteLinesEditor, type LinesEditor } from './quote-lines-editor';
import { formatDate } from '../../kit/format';
import { t } from '../../kit/i18n';
import { opportunityUrl } from '../../kit/navigation';
import './texts';

function Details(props: { quote: Quote }) {
  return (
    <dl class="details">
      <dt>{t('common.status')}</dt>
      <dd>
        <StatusBadge kind="quote" status={props.quote.status} />
      </dd>
      <dt>{t('common.account')}</dt>
      <dd>
        <AccountLink id={props.quote.accountId} name={props.quote.accountName} />
      </dd>
      <dt>{t('common.opportunity')}</dt>
      <dd>
        <Show when={props.quote.opportunityId} fallback={t('commerce.quote.noOpportunity')}>
          {(id) => <RecordLink href={opportunityUrl(id())} label={opportunityName(id())} fallback={t('open.opportunity')} />}
        </Show>
      </dd>
      <dt>{t('commerce.doc.currency')}</dt>
      <dd>{props.quote.currency}</dd>
      <dt>{t('commerce.quote.validUntil')}</dt>
      <dd>{formatDate(props.quote.validUntil)}</dd>
      <dt>{t('common.created')}</dt>
      <dd>{formatDate(props.quote.createdAt)}</dd>
      <Show when={props.quote.orderId}>
        {(id) => (
          <>
            <dt>{t('commerce.order.number')}</dt>
            <dd>
              <RecordLink href={orderUrl(id())} label={orderNumber(id())} fallback={t('commerce.quote.openOrder')} />
            </dd>
          </>
        )}
      </Show>
    </dl>
  );
}

type EditorFormProps = { quote: RecordState<Quote>; current: Quote; editor: LinesEditor; products: Product[]; productsFailed: boolean };

/** The draft's lines and validity, saved with If-Match; a 409 offers to reload. */
function DraftEditor(props: EditorFormProps) {
  const [validUntil, setValidUntil] = createSignal(props.current.validUntil ?? '');
  const [problem, setProblem] = createSignal<string>();
  const save = () => props.quote.save;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const inputs = props.editor.inputs();
    if (!inputs.ok) return setProblem(inputs.problem);
    const base = props.current;
    const validity = validUntil() === (base.validUntil ?? '') ? {} : { validUntil: validUntil() || null };
    void save().submit(async () => props.quote.show(await api.quotes.update(base.id, base.version, { lines: inputs.lines, ...validity })));
  };
  return (
    <form class="card form" aria-labelledby="lines-title" onSubmit={submit} onInput={() => props.editor.setDirty(true)}>
      <h2 id="lines-title">{t('commerce.doc.lines')}</h2>
      <Show when={props.productsFailed}>
        <p class="muted">{t('commerce.line.productsFailed')}</p>
      </Show>
      <QuoteLinesEditor editor={props.editor} products={props.products} currency={props.current.currency} />
      <Field label={t('commerce.quote.validUntil')} name="validUntil" type="date" value={validUntil()} onInput={setValidUntil} />
      <MessageAlert message={problem()} />
      <ConflictAlert submission={save()} onReload={() => save().reload()} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={save().busy()}>
          {save().busy() ? t('common.saving') : t('common.save')}
        </button>
        <Show when={props.editor.dirty()}>
          <span class="muted">{t('commerce.quote.unsaved')}</span>
        </Show>
      </div>
    </form>
  );
}

type Action = 'send' | 'confirm' | 'cancel';

function QuoteView(props: ListRecordProps) {
  const editor = createLinesEditor(() => quote.record()?.currency ?? 'IDR');
  const quote = useTitledRecord(
    props,
    (id) => api.quotes.get(id),
    (loaded) => t('commerce.quote.heading', { number: loaded.number }),
    (loaded) => editor.reset(loaded.lines),
  );
  const [products, setProducts] = createSignal<Product[]>([]);
  const [productsFailed, setProductsFailed] = createSignal(false);
  const [action, setAction] = createSignal<Action>();
  const [actionProblem, setActionProblem] = createSignal<string>();
  onMount(() => loadActiveProducts().then(setProducts, () => setProductsFailed(true)));

  const done = (updated: Quote, message: string) => {
    quote.show(updated);
    quote.save.setSaved(message);
  };
  const ask = (next: Action) => {
    setActionProblem(undefined);
    // Sending and confirming take the quote as saved: unsaved edits would silently be left out.
    if (next !== 'cancel' && editor.dirty()) return setActionProblem(t('commerce.quote.saveFirst'));
    setAction(next);
  };
  const draftTotals = (current: Quote) => {
    if (!editor.dirty()) return { totals: current, note: t('commerce.quote.serverTotals') };
    const preview = editor.preview();
    return { totals: preview, note: preview ? t('commerce.quote.preview') : t('commerce.quote.previewInvalid') };
  };

  return (
    <RecordView record={quote}>
      {(current) => (
        <>
          <section class="card" aria-labelledby="details-title">
            <div class="section-header">
              <h2 id="details-title">{t('commerce.doc.quote')}</h2>
              <div class="actions">
                <Show when={current().status === 'draft'}>
                  <button type="button" class="button button-primary" onClick={() => ask('send')}>
                    {t('commerce.quote.send')}
                  </button>
                </Show>
                <Show when={canConfirmQuote(current().status)}>
                  {/* On a draft, sending is the usual next step and confirming the shortcut (as in Odoo). */}
                  <button type="button" class={current().status === 'draft' ? 'button button-secondary' : 'button button-primary'} onClick={() => ask('confirm')}>
                    {t('commerce.quote.confirmSale')}
                  </button>
                </Show>
                <PdfLink href={api.quotes.pdfUrl(current().id)} number={current().number} />
                <Show when={['draft', 'sent', 'accepted'].includes(current().status)}>
                  <button type="button" class="button button-danger" onClick={() => ask('cancel')}>
                    {t('commerce.quote.cancelQuote')}
                  </button>
                </Show>
              </div>
            </div>
            <MessageAlert message={actionProblem()} />
            <Switch>
              <Match when={current().status === 'sent'}>
                <p>{t('commerce.quote.waiting', { date: formatDate(current().sentAt) })}</p>
              </Match>
              <Match when={current().status === 'accepted'}>
                <p>{t('commerce.quote.acceptedOn', { date: formatDate(current().acceptedAt) })}</p>
              </Match>
            </Switch>
            <Details quote={current()} />
          </section>
          <Show
            when={current().status === 'draft'}
            fallback={
              <DocumentLines document={current()} note={t('commerce.quote.serverTotals')}>
                <p class="muted">{t('commerce.quote.readOnly', { status: statusLabel('quote', current().status).toLowerCase() })}</p>
              </DocumentLines>
            }
          >
            {/* Keyed on the version so a reload after a conflict refills the validity field. */}
            <Show when={current().version} keyed>
              <DraftEditor quote={quote} current={current()} editor={editor} products={products()} productsFailed={productsFailed()} />
            </Show>
            <TotalsBox currency={current().currency} totals={draftTotals(current()).totals} note={draftTotals(current()).note} />
          </Show>
          <ConfirmDialog
            open={action() === 'send'}
            tone="primary"
            title={t('commerce.quote.sendTitle')}
            message={t('commerce.quote.sendText', { number: current().number, account: current().accountName ?? accountName(current().accountId) ?? '' })}
            confirmLabel={t('commerce.quote.send')}
            onClose={() => setAction(undefined)}
            onConfirm={async () => done(await api.quotes.send(current().id, newIdempotencyKey()), t('commerce.quote.sentNotice'))}
          />
          <ConfirmDialog
            open={action() === 'confirm'}
            tone="primary"
            title={t('commerce.quote.confirmTitle')}
            message={t('commerce.quote.confirmText', { number: current().number })}
            confirmLabel={t('commerce.quote.confirmSale')}
            onClose={() => setAction(undefined)}
            onConfirm={async () => {
              const { orderId } = await api.quotes.confirm(current().id, newIdempotencyKey());
              window.location.assign(orderUrl(orderId));
            }}
          />
          <ConfirmDialog
            open={action() === 'cancel'}
            title={t('commerce.quote.cancelTitle')}
            message={t('commerce.quote.cancelText', { number: current().number })}
            confirmLabel={t('commerce.quote.cancelQuote')}
            onClose={() => setAction(undefined)}
            onConfirm={async () => done(await api.quotes.update(current().id, current().version, { status: 'cancelled' }), t('commerce.quote.cancelledNotice'))}
          />
        </>
      )}
    </RecordView>
  );
}

export function QuotePage() {
  return <ListRecordPage list="quotes" view={QuoteView} />;
}
