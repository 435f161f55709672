import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { BoardColumn, ColumnTotal, Opportunity } from '../../api/types';
import { ErrorAlert, Loading, Notice } from '../../kit/alert';
import { accountNameOf, accountUrl, opportunityUrl, PriorityStars, stageLabel, Totals } from './sales';
import { StaffShell } from '../../kit/staff-shell';
import { errorMessage, isConflict } from '../../kit/errors';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

type ColumnState = BoardColumn & { loadingMore?: boolean; error?: unknown };

function weightedOf(opportunity: Opportunity): number {
  return Math.round((opportunity.expectedRevenue.amount * opportunity.probability) / 100);
}

/** Adds (sign 1) or removes (sign -1) one card's amounts from a column's sums, so they follow a move at once. */
function adjust(totals: readonly ColumnTotal[], opportunity: Opportunity, sign: 1 | -1): ColumnTotal[] {
  const { currency, amount } = opportunity.expectedRevenue;
  const found = totals.some((total) => total.currency === currency);
  const base = found || sign < 0 ? [...totals] : [...totals, { currency, count: 0, amount: 0, weighted: 0 }];
  return base
    .map((total) =>
      total.currency === currency
        ? { ...total, count: total.count + sign, amount: total.amount + sign * amount, weighted: total.weighted + sign * weightedOf(opportunity) }
        : total,
    )
    .filter((total) => total.count > 0);
}

function withoutCard(column: ColumnState, card: Opportunity): ColumnState {
  if (!column.opportunities.some((item) => item.id === card.id)) return column;
  return { ...column, opportunities: column.opportunities.filter((item) => item.id !== card.id), totals: adjust(column.totals, card, -1) };
}

function withCard(column: ColumnState, card: Opportunity, index: number): ColumnState {
  const opportunities = column.opportunities.filter((item) => item.id !== card.id);
  opportunities.splice(Math.min(index, opportunities.length), 0, card);
  return { ...column, opportunities, totals: adjust(column.totals, card, 1) };
}

type CardProps = {
  opportunity: Opportunity;
  columns: ColumnState[];
  busy: boolean;
  onMove: (opportunity: Opportunity, stageId: string, fromKeyboard: boolean) => void;
  onDragStart: (id: string) => void;
  onDragEnd: () => void;
};

function Card(props: CardProps) {
  const [menuOpen, setMenuOpen] = createSignal(false);
  let toggle: HTMLButtonElement | undefined;
  const targets = () => props.columns.filter((column) => column.stage.id !== props.opportunity.stage);
  const closeMenu = () => {
    setMenuOpen(false);
    toggle?.focus();
  };
  return (
    <li
      class="kanban-card"
      draggable={!props.busy}
      aria-busy={props.busy}
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', props.opportunity.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        props.onDragStart(props.opportunity.id);
      }}
      onDragEnd={() => props.onDragEnd()}
    >
      <a class="kanban-card-title" href={opportunityUrl(props.opportunity.id)}>
        {props.opportunity.name}
      </a>
      <p class="muted">
        <a href={accountUrl(props.opportunity.accountId)}>{accountNameOf(props.opportunity) ?? t('common.account')}</a>
        <Show when={props.opportunity.ownerName}>{(owner) => <> · {owner()}</>}</Show>
      </p>
      <p>
        <strong>{formatMoney(props.opportunity.expectedRevenue.amount, props.opportunity.expectedRevenue.currency)}</strong> ·{' '}
        {t('sales.opportunity.percent', { n: props.opportunity.probability })}
      </p>
      <p class="kanban-card-meta">
        <PriorityStars priority={props.opportunity.priority} />
        <Show when={props.opportunity.expectedCloseDate}>
          {(date) => <span class="muted"> {t('sales.opportunity.closes', { date: formatDate(date()) })}</span>}
        </Show>
      </p>
      <div
        class="move-menu"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen()) {
            event.stopPropagation();
            closeMenu();
          }
        }}
      >
        <button
          ref={toggle}
          type="button"
          class="button button-ghost"
          id={`move-${props.opportunity.id}`}
          aria-expanded={menuOpen()}
          aria-label={t('sales.pipeline.moveCard', { name: props.opportunity.name })}
          disabled={props.busy}
          onClick={() => setMenuOpen(!menuOpen())}
        >
          {t('sales.pipeline.moveTo')}
        </button>
        <Show when={menuOpen()}>
          <ul class="move-options plain-list">
            <For each={targets()}>
              {(column) => (
                <li>
                  <button
                    type="button"
                    class="button button-ghost"
                    onClick={() => {
                      setMenuOpen(false);
                      props.onMove(props.opportunity, column.stage.id, true);
                    }}
                  >
                    {stageLabel(column.stage)}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </li>
  );
}

function Board() {
  const [columns, setColumns] = createSignal<ColumnState[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [loadError, setLoadError] = createSignal<unknown>();
  const [moveProblem, setMoveProblem] = createSignal<{ message: string; conflict: boolean }>();
  const [announcement, setAnnouncement] = createSignal<string>();
  const [busy, setBusy] = createSignal<ReadonlySet<string>>(new Set<string>());
  const [dragging, setDragging] = createSignal<string>();
  const [dropTarget, setDropTarget] = createSignal<string>();

  const open = () => columns().filter((column) => !column.stage.isWon && !column.stage.isLost);
  const setBusyFor = (id: string, on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const update = (stageId: string, change: (column: ColumnState) => ColumnState) =>
    setColumns((current) => current.map((column) => (column.stage.id === stageId ? change(column) : column)));

  const load = async () => {
    setLoadError(undefined);
    setMoveProblem(undefined);
    try {
      const board = await api.pipeline.board();
      setColumns(board?.columns ?? []);
      setLoaded(true);
    } catch (error) {
      setLoadError(error);
    }
  };
  onMount(() => void load());

  const loadMore = async (column: ColumnState) => {
    if (column.nextCursor === null || column.loadingMore) return;
    update(column.stage.id, (current) => ({ ...current, loadingMore: true, error: undefined }));
    try {
      const page = await api.pipeline.column(column.stage.id, column.nextCursor);
      update(column.stage.id, (current) => {
        const known = new Set(current.opportunities.map((item) => item.id));
        return {
          ...current,
          opportunities: [...current.opportunities, ...page.opportunities.filter((item) => !known.has(item.id))],
          nextCursor: page.nextCursor,
          totals: page.totals ?? current.totals,
          loadingMore: false,
        };
      });
    } catch (error) {
      update(column.stage.id, (current) => ({ ...current, loadingMore: false, error }));
    }
  };

  /** Moves the card at once, saves the stage with If-Match and puts the card back if the API refuses. */
  const move = async (card: Opportunity, stageId: string, fromKeyboard: boolean) => {
    const from = columns().find((column) => column.opportunities.some((item) => item.id === card.id));
    const to = columns().find((column) => column.stage.id === stageId);
    if (!from || !to || from.stage.id === stageId || busy().has(card.id)) return;
    const index = from.opportunities.findIndex((item) => item.id === card.id);
    const moved: Opportunity = { ...card, stage: stageId, probability: card.probabilityManual ? card.probability : to.stage.probability };
    setMoveProblem(undefined);
    update(from.stage.id, (column) => withoutCard(column, card));
    update(stageId, (column) => withCard(column, moved, 0));
    setBusyFor(card.id, true);
    if (fromKeyboard) requestAnimationFrame(() => document.getElementById(`move-${card.id}`)?.focus());
    try {
      const answer = await api.opportunities.update(card.id, card.version, { stage: stageId });
      const saved = answer?.id && answer.expectedRevenue ? answer : { ...moved, version: card.version + 1 };
      update(stageId, (column) => withCard(withoutCard(column, moved), saved, column.opportunities.findIndex((item) => item.id === card.id)));
      setAnnouncement(t('sales.pipeline.moved', { name: card.name, stage: stageLabel(to.stage) }));
    } catch (error) {
      update(stageId, (column) => withoutCard(column, moved));
      update(from.stage.id, (column) => withCard(column, card, index));
      setAnnouncement(undefined);
      setMoveProblem({
        conflict: isConflict(error),
        message: isConflict(error)
          ? t('sales.pipeline.moveConflict', { name: card.name })
          : t('sales.pipeline.moveFailed', { name: card.name, message: errorMessage(error) }),
      });
    } finally {
      setBusyFor(card.id, false);
      if (fromKeyboard) requestAnimationFrame(() => document.getElementById(`move-${card.id}`)?.focus());
    }
  };

  const dropOn = (event: DragEvent, stageId: string) => {
    event.preventDefault();
    const id = event.dataTransfer?.getData('text/plain') || dragging();
    setDropTarget(undefined);
    setDragging(undefined);
    const card = columns()
      .flatMap((column) => column.opportunities)
      .find((item) => item.id === id);
    if (card) void move(card, stageId, false);
  };

  return (
    <Show when={loaded()} fallback={<Show when={loadError()} fallback={<Loading />}>{<ErrorAlert error={loadError()} onRetry={() => void load()} />}</Show>}>
      <div class="stack">
        <div class="toolbar">
          <p class="muted">{t('sales.pipeline.help')}</p>
          <div class="actions">
            <a class="button button-secondary" href="/forecast/">
              {t('nav.forecast')}
            </a>
            <button type="button" class="button button-secondary" onClick={() => void load()}>
              {t('common.reload')}
            </button>
          </div>
        </div>
        <Notice message={announcement()} />
        <Show when={moveProblem()}>
          {(problem) => (
            <div class="alert alert-error" role="alert">
              <p>{problem().message}</p>
              <Show when={problem().conflict}>
                <button type="button" class="button button-secondary" onClick={() => void load()}>
                  {t('common.reload')}
                </button>
              </Show>
            </div>
          )}
        </Show>
        <Show when={open().length > 0} fallback={<p class="empty">{t('sales.pipeline.noStages')}</p>}>
          <div class="kanban">
            <For each={open()}>
              {(column) => (
                <section
                  class="kanban-column"
                  classList={{ 'drop-target': dropTarget() === column.stage.id }}
                  aria-labelledby={`stage-${column.stage.id}`}
                  onDragOver={(event) => {
                    if (!dragging()) return;
                    event.preventDefault();
                    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
                    setDropTarget(column.stage.id);
                  }}
                  onDrop={(event) => dropOn(event, column.stage.id)}
                >
                  <h2 id={`stage-${column.stage.id}`}>
                    {stageLabel(column.stage)} <span class="muted">{t('sales.opportunity.percent', { n: column.stage.probability })}</span>
                  </h2>
                  <Totals totals={column.totals} />
                  <ul class="kanban-cards plain-list">
                    <For each={column.opportunities}>
                      {(opportunity) => (
                        <Card
                          opportunity={opportunity}
                          columns={open()}
                          busy={busy().has(opportunity.id)}
                          onMove={(card, stageId, fromKeyboard) => void move(card, stageId, fromKeyboard)}
                          onDragStart={setDragging}
                          onDragEnd={() => {
                            setDragging(undefined);
                            setDropTarget(undefined);
                          }}
                        />
                      )}
                    </For>
                  </ul>
                  <Show when={column.opportunities.length === 0 && column.nextCursor === null}>
                    <p class="empty">{t('sales.pipeline.emptyColumn')}</p>
                  </Show>
                  <ErrorAlert error={column.error} onRetry={() => void loadMore(column)} />
                  <Show when={column.loadingMore}>
                    <Loading />
                  </Show>
                  <Show when={column.nextCursor !== null && !column.loadingMore && !column.error}>
                    <button
                      type="button"
                      class="button button-secondary"
                      aria-label={t('sales.pipeline.loadMoreIn', { stage: stageLabel(column.stage) })}
                      onClick={() => void loadMore(column)}
                    >
                      {t('common.loadMore')}
                    </button>
                  </Show>
                </section>
              )}
            </For>
          </div>
        </Show>
      </div>
    </Show>
  );
}

export function PipelinePage() {
  return (
    <StaffShell current="pipeline" titleKey="nav.pipeline">
      {() => <Board />}
    </StaffShell>
  );
}
