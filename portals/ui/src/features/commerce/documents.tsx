import { Show, type JSX } from 'solid-js';
import type { DocumentLine, Invoice, InvoiceStatus, OrderStatus, QuoteStatus } from '../../api/types';
import { formatMoney, formatNumber, formatPercent } from '../../kit/format';
import { recordUrl } from '../../kit/navigation';
import { DataTable } from '../../kit/data-table';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';

// The sales documents as both portals show them: what staff and customers read alike.

export const quoteUrl = (id: string) => recordUrl('quote', id);
export const orderUrl = (id: string) => recordUrl('order', id);
export const invoiceUrl = (id: string) => recordUrl('invoice', id);

/** Today as YYYY-MM-DD in UTC, the calendar the API's `validUntil` and `dueDate` use. */
export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Money still owed after the due date: overdue, even before the daily sweep marks the invoice so. */
export function isOverdue(invoice: Pick<Invoice, 'status' | 'dueDate' | 'amountDue'>, today = isoToday()): boolean {
  return invoice.status === 'overdue' || (invoice.status === 'issued' && invoice.amountDue > 0 && invoice.dueDate.slice(0, 10) < today);
}

type StatusOf = { quote: QuoteStatus; order: OrderStatus; invoice: InvoiceStatus };

export function statusLabel<K extends keyof StatusOf>(kind: K, status: StatusOf[K]): string {
  return t(`commerce.${kind}Status.${status}` as MessageKey);
}

/** A document's status; the word carries the meaning, the colour only repeats it. An overdue invoice stands out. */
export function StatusBadge<K extends keyof StatusOf>(props: { kind: K; status: StatusOf[K] }) {
  return (
    <span class={`badge doc-status status-${props.status}${props.status === 'overdue' ? ' badge-danger' : ''}`}>{statusLabel(props.kind, props.status)}</span>
  );
}

/** The "Download PDF" link of a quote or invoice (same origin: the portal's session cookie goes along). */
export function PdfLink(props: { href: string; number: string }) {
  return (
    <a
      class="button button-secondary"
      href={props.href}
      download={`${props.number}.pdf`}
      type="application/pdf"
      aria-label={t('commerce.doc.downloadPdfOf', { number: props.number })}
    >
      {t('commerce.doc.downloadPdf')}
    </a>
  );
}

type Totals = { subtotal: number; taxTotal: number; total: number };

/** Subtotal, tax and total of a document (or of an editor's preview), with what they are. */
export function TotalsBox(props: { totals: Totals | undefined; currency: string; note?: string }) {
  const money = (pick: (totals: Totals) => number) => (props.totals ? formatMoney(pick(props.totals), props.currency) : '—');
  return (
    <section class="card totals-box" aria-labelledby="totals-title">
      <h2 id="totals-title">{t('commerce.doc.totals')}</h2>
      <dl class="details">
        <dt>{t('commerce.doc.subtotal')}</dt>
        <dd class="numeric">{money((x) => x.subtotal)}</dd>
        <dt>{t('commerce.doc.taxTotal')}</dt>
        <dd class="numeric">{money((x) => x.taxTotal)}</dd>
        <dt>{t('common.total')}</dt>
        <dd class="numeric">
          <strong>{money((x) => x.total)}</strong>
        </dd>
      </dl>
      <Show when={props.note}>
        <p class="muted" role="status">
          {props.note}
        </p>
      </Show>
    </section>
  );
}

/** A column of numbers, right-aligned. */
export const numeric = (key: MessageKey) => ({ label: t(key), class: 'numeric' });

function LinesTable(props: { lines: DocumentLine[]; currency: string }) {
  return (
    <Show when={props.lines.length > 0} fallback={<p class="empty">{t('commerce.doc.noLines')}</p>}>
      <div class="table-scroll">
        <DataTable
          items={props.lines.map((line, index) => ({ line, n: index + 1 }))}
          columns={[
            t('commerce.line.number'),
            t('commerce.line.description'),
            numeric('commerce.line.quantity'),
            numeric('commerce.line.unitPrice'),
            numeric('commerce.line.discount'),
            numeric('commerce.line.tax'),
            numeric('commerce.line.total'),
          ]}
          row={(item) => (
            <>
              <td>{item.n}</td>
              <th scope="row">{item.line.description}</th>
              <td class="numeric">{formatNumber(item.line.quantity)}</td>
              <td class="numeric">{formatMoney(item.line.unitPrice, props.currency)}</td>
              <td class="numeric">{formatPercent(item.line.discountPercent)}</td>
              <td class="numeric">{formatPercent(item.line.taxPercent)}</td>
              <td class="numeric">{formatMoney(item.line.total, props.currency)}</td>
            </>
          )}
        />
      </div>
    </Show>
  );
}

type Priced = Totals & { lines: DocumentLine[]; currency: string };

type DocumentLinesProps = {
  document: Priced;
  /** Under the totals, e.g. where they come from. */
  note?: string;
  /** Between the title of the lines and their table. */
  children?: JSX.Element;
};

/** The lines of a saved quote, order or invoice, then its totals. */
export function DocumentLines(props: DocumentLinesProps) {
  return (
    <>
      <section class="card stack" aria-labelledby="lines-title">
        <h2 id="lines-title">{t('commerce.doc.lines')}</h2>
        {props.children}
        <LinesTable lines={props.document.lines} currency={props.document.currency} />
      </section>
      <TotalsBox totals={props.document} currency={props.document.currency} note={props.note} />
    </>
  );
}
