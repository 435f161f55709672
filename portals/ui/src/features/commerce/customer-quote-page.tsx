import { createSignal, Show } from 'solid-js';
import { ApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Quote } from '../../api/types';
import { Notice } from '../../kit/alert';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { DocumentPage, Term, formatDay } from './customer-commerce';
import { DocumentLines, isoToday, orderUrl, PdfLink, StatusBadge } from './documents';
import type { RecordState } from '../../kit/record-state';
import { createSubmission } from '../../kit/submission';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function QuoteView(props: { record: RecordState<Quote>; quote: Quote }) {
  const [accepting, setAccepting] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const submission = createSubmission();
  let summaryHeading: HTMLHeadingElement | undefined;
  const expired = () => !!props.quote.validUntil && props.quote.validUntil.slice(0, 10) < isoToday();
  const canAccept = () => props.quote.status === 'sent' && !expired();
  const total = () => formatMoney(props.quote.total, props.quote.currency);

  const accept = async () => {
    const ok = await submission.run(async (idempotencyKey) => {
      props.record.show(await api.quotes.accept(props.quote.id, idempotencyKey));
    });
    const error = submission.error();
    if (!ok && error !== undefined) {
      // Accepted meanwhile (another tab, a colleague) or no longer acceptable: show how it stands now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) void props.record.fetch();
      throw error;
    }
    if (ok) setNotice(t('commerce.quote.accepted'));
  };

  return (
    <>
      <Notice message={notice()} />
      <section class="card stack" aria-labelledby="summary-title">
        <div class="section-header">
          <h2 id="summary-title" tabindex="-1" ref={summaryHeading}>
            {t('commerce.doc.summary')}
          </h2>
          <div class="actions">
            <PdfLink href={api.quotes.pdfUrl(props.quote.id)} number={props.quote.number} />
            <Show when={canAccept()}>
              <button type="button" class="button button-primary" onClick={() => setAccepting(true)}>
                {t('commerce.quote.accept')}
              </button>
            </Show>
          </div>
        </div>
        <Show when={props.quote.status === 'sent'}>
          <p classList={{ 'alert alert-warning': expired() }}>{expired() ? t('commerce.error.quote_expired') : t('commerce.quote.awaiting')}</p>
        </Show>
        <dl class="details">
          <Term label={t('common.status')}>
            <StatusBadge kind="quote" status={props.quote.status} />
          </Term>
          <Term label={t('commerce.doc.date')}>{formatDate(props.quote.createdAt)}</Term>
          <Term label={t('commerce.quote.validUntil')}>{formatDay(props.quote.validUntil)}</Term>
          <Show when={props.quote.acceptedAt}>{(at) => <Term label={t('commerce.quote.acceptedAt')}>{formatDate(at())}</Term>}</Show>
          <Term label={t('common.total')}>
            <strong>{total()}</strong>
          </Term>
          <Show when={props.quote.orderId}>
            {(orderId) => (
              <Term label={t('commerce.doc.order')}>
                <a href={orderUrl(orderId())}>{t('commerce.doc.viewOrder')}</a>
              </Term>
            )}
          </Show>
        </dl>
      </section>
      <DocumentLines document={props.quote} />
      <ConfirmDialog
        open={accepting()}
        tone="primary"
        title={t('commerce.quote.acceptTitle', { number: props.quote.number })}
        message={t('commerce.quote.acceptText', { number: props.quote.number, total: total() })}
        confirmLabel={t('commerce.quote.accept')}
        onConfirm={accept}
        onClose={() => {
          setAccepting(false);
          // The "Accept" button is gone once accepted: keep the keyboard user in the summary.
          if (props.quote.status !== 'sent') setTimeout(() => summaryHeading?.focus(), 0);
        }}
      />
    </>
  );
}

/** One quote: its lines and totals, the PDF, and "Accept" while it awaits the customer. */
export function CustomerQuotePage() {
  return (
    <DocumentPage current="quotes" titleKey="commerce.doc.quote" headingKey="commerce.quote.heading" load={(id) => api.quotes.get(id)}>
      {(record, quote) => <QuoteView record={record} quote={quote()} />}
    </DocumentPage>
  );
}
