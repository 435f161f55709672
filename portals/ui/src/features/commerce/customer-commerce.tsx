import { RecordFallback } from '../../kit/record-fallback';
import { createSignal, For, onMount, Show, type Accessor, type JSX } from 'solid-js';
import { MessageAlert } from '../../kit/alert';
import { isOverdue, statusLabel, StatusBadge } from './documents';
import { PortalShell } from '../../kit/portal-shell';
import { useRecord, type RecordState } from '../../kit/record-state';
import type { Invoice, InvoiceStatus, OrderStatus } from '../../api/types';
import { intlLocale } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import { queryParam } from '../../kit/navigation';
import './texts';

// The customer portal's quotes, orders and invoices; what staff see too is in ./documents.

/** A calendar day ("2026-12-15") in the current locale, the same day wherever the browser is. */
export function formatDay(day: string | undefined): string {
  if (!day) return t('common.none');
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An invoice's status as the customer reads it: overdue as soon as it is (see `isOverdue`). */
export function shownInvoiceStatus(invoice: Pick<Invoice, 'status' | 'dueDate' | 'amountDue'>): InvoiceStatus {
  return isOverdue(invoice) ? 'overdue' : invoice.status;
}

export function InvoiceStatusBadge(props: { invoice: Pick<Invoice, 'status' | 'dueDate' | 'amountDue'> }) {
  return <StatusBadge kind="invoice" status={shownInvoiceStatus(props.invoice)} />;
}

/** Confirmed → in progress → shipped → delivered, or the cancellation. */
const ORDER_STEPS = ['confirmed', 'in_progress', 'shipped', 'delivered'] as const satisfies readonly OrderStatus[];

export function OrderProgress(props: { status: OrderStatus }) {
  const reached = () => ORDER_STEPS.indexOf(props.status as (typeof ORDER_STEPS)[number]);
  const state = (index: number) => (index < reached() ? 'done' : index === reached() ? 'current' : 'next');
  // Delivered is the last step and a finished one.
  const done = (index: number) => index < reached() || props.status === 'delivered';
  const STATE_TEXT = { done: 'common.done', current: 'commerce.order.stepCurrent', next: 'commerce.order.stepNext' } as const;
  const classOf = (index: number) =>
    [done(index) && 'progress-done', state(index) === 'current' && 'progress-current'].filter(Boolean).join(' ') || 'progress-next';
  return (
    <Show when={props.status !== 'cancelled'} fallback={<p class="alert alert-warning">{t('commerce.order.cancelled')}</p>}>
      <ol class="progress" aria-label={t('commerce.order.progress')}>
        <For each={ORDER_STEPS}>
          {(step, index) => (
            <li class={classOf(index())} aria-current={state(index()) === 'current' ? 'step' : undefined}>
              {statusLabel('order', step)}
              <span class="visually-hidden"> ({t(STATE_TEXT[state(index())])})</span>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

/** One term of a document's summary (`<dt>` and `<dd>`). */
export function Term(props: { label: string; children: JSX.Element }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** A list page of the customer portal: shell, navigation and the intro above the table. */
export function DocumentListPage(props: { current: 'quotes' | 'orders' | 'invoices'; intro: string; children: JSX.Element }) {
  return (
    <PortalShell portal="customer" titleKey={`nav.${props.current}`} auth="required" current={props.current}>
      {() => (
        <div class="stack">
          <p>{props.intro}</p>
          {props.children}
        </div>
      )}
    </PortalShell>
  );
}

type DocumentPageProps<T extends { number: string }> = {
  current: 'quotes' | 'orders' | 'invoices';
  /** "Quote", until the document is loaded. */
  titleKey: MessageKey;
  /** "Quote {number}", once it is. */
  headingKey: MessageKey;
  load: (id: string) => Promise<T>;
  children: (record: RecordState<T>, current: Accessor<T>) => JSX.Element;
};

/**
 * One quote, order or invoice of the customer portal, from the `?id=` of the address. A missing
 * id and an id the API does not show this customer (404, foreign or missing alike) read "not found".
 */
export function DocumentPage<T extends { number: string }>(props: DocumentPageProps<T>) {
  const [id, setId] = createSignal<string | null>();
  const [number, setNumber] = createSignal<string>();
  onMount(() => setId(queryParam('id')));
  const listKey = (): MessageKey => `nav.${props.current}`;
  const heading = () => {
    const loaded = number();
    return loaded ? t(props.headingKey, { number: loaded }) : t(props.titleKey);
  };
  return (
    <PortalShell portal="customer" titleKey={listKey()} auth="required" current={props.current} heading={heading()}>
      {() => (
        <div class="stack">
          <p>
            <a href={`/${props.current}/`}>← {t(listKey())}</a>
          </p>
          <Show when={id() !== undefined}>
            <Show when={id()} fallback={<MessageAlert message={t('error.not_found')} />}>
              {(documentId) => (
                <LoadedDocument id={documentId()} load={props.load} onLoaded={(loaded) => setNumber(loaded.number)}>
                  {props.children}
                </LoadedDocument>
              )}
            </Show>
          </Show>
        </div>
      )}
    </PortalShell>
  );
}

type LoadedDocumentProps<T> = {
  id: string;
  load: (id: string) => Promise<T>;
  onLoaded: (document: T) => void;
  children: (record: RecordState<T>, current: Accessor<T>) => JSX.Element;
};

function LoadedDocument<T>(props: LoadedDocumentProps<T>) {
  const record = useRecord(
    () => props.load(props.id),
    (loaded) => props.onLoaded(loaded),
  );
  return (
    <Show when={record.record()} fallback={<RecordFallback error={record.loadError()} onRetry={() => void record.fetch()} />}>
      {(current) => props.children(record, current as Accessor<T>)}
    </Show>
  );
}
