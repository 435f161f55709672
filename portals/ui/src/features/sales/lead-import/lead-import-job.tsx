import { createSignal, createUniqueId, onCleanup, onMount, Show } from 'solid-js';
import { ApiError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { LeadImport } from '../../../api/types';
import { ErrorAlert, Loading } from '../../../kit/alert';
import { DataTable } from '../../../kit/data-table';
import { isSettled, progressMark, rowsLeft, STALL_MS } from './lead-import-rules';
import { fieldLabel, rowErrorText } from './lead-import-labels';
import { focusOnMount } from './lead-import-steps';
import { formatNumber } from '../../../kit/format';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

/** Where an import's status line stands out: settled ones by outcome, one waiting on the worker as a warning. */
function statusClass(job: LeadImport, stalled: boolean): string {
  if (job.status === 'failed') return 'alert alert-error';
  if (job.status === 'completed') return 'alert alert-success';
  return job.status === 'incomplete' || stalled ? 'alert alert-warning' : 'loading';
}

/**
 * Step 3: the job's progress, read every second until it settles (also after a reload or a
 * restart of the stack); its counts, row errors and failed chunks, each with a retry. When
 * nothing moved for a while it says it waits for the background worker instead of only waiting.
 */
export function JobView(props: { id: string; initial?: LeadImport; focus?: boolean; onUpdate: (job: LeadImport) => void; onAnother: () => void }) {
  const id = createUniqueId();
  const [job, setJob] = createSignal<LeadImport | undefined>(props.initial);
  const [error, setError] = createSignal<unknown>();
  const [stalled, setStalled] = createSignal(false);
  const [retrying, setRetrying] = createSignal<number>();
  const [retryError, setRetryError] = createSignal<unknown>();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let alive = true;
  let heading: HTMLHeadingElement | undefined;
  // When the job last moved, by this page's clock (the server's may differ).
  let mark = props.initial ? progressMark(props.initial) : '';
  let movedAt = Date.now();
  focusOnMount(props.focus, () => heading);

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void poll(), ms);
  };
  const show = (next: LeadImport) => {
    const nextMark = progressMark(next);
    if (nextMark !== mark) {
      mark = nextMark;
      movedAt = Date.now();
    }
    setStalled(!isSettled(next) && Date.now() - movedAt >= STALL_MS);
    setJob(next);
    props.onUpdate(next);
    if (!isSettled(next)) schedule(1000);
  };
  async function poll() {
    try {
      const next = await api.leadImports.get(props.id, controller.signal);
      if (!alive) return;
      setError(undefined);
      show(next);
    } catch (caught) {
      if (!alive) return;
      setError(caught);
      // A missing or forbidden import does not appear by asking again; a lost connection may come back.
      const final = caught instanceof ApiError && caught.status >= 400 && caught.status < 500 && caught.status !== 429;
      if (!final) schedule(3000);
    }
  }
  async function retry(chunkNo: number) {
    if (retrying() !== undefined) return;
    setRetrying(chunkNo);
    setRetryError(undefined);
    try {
      const next = await api.leadImports.retryChunk(props.id, chunkNo);
      if (alive) show(next);
    } catch (caught) {
      if (!alive) return;
      setRetryError(caught);
      // Someone else may have retried it meanwhile: show where the import stands now.
      clearTimeout(timer);
      void poll();
    } finally {
      if (alive) setRetrying(undefined);
    }
  }
  onMount(() => {
    if (!props.initial) void poll();
    else if (!isSettled(props.initial)) schedule(1000);
  });
  onCleanup(() => {
    alive = false;
    clearTimeout(timer);
    controller.abort();
  });

  const title = () => {
    const current = job();
    if (!current) return t('sales.import.loadingJob');
    return isSettled(current) ? t('sales.import.resultTitle', { name: current.fileName }) : t('sales.import.progressTitle', { name: current.fileName });
  };

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabindex="-1">
        {title()}
      </h2>
      <ErrorAlert
        error={error()}
        onRetry={() => {
          setError(undefined);
          clearTimeout(timer);
          void poll();
        }}
      />
      <Show when={job()} fallback={<Show when={!error()}><Loading label={t('sales.import.loadingJob')} /></Show>}>
        {(current) => {
          const progressText = () => t('sales.import.progressText', { done: formatNumber(current().processedRows), total: formatNumber(current().totalRows) });
          const left = () => rowsLeft(current());
          return (
            <>
              <div class="field">
                <label for={`${id}-progress`}>{t('sales.import.progressLabel')}</label>
                <progress
                  id={`${id}-progress`}
                  class="import-progress"
                  max={Math.max(current().totalRows, 1)}
                  value={current().processedRows}
                  aria-valuemin={0}
                  aria-valuemax={current().totalRows}
                  aria-valuenow={current().processedRows}
                  aria-valuetext={progressText()}
                />
                <p class="import-progress-text" aria-hidden="true">
                  {progressText()}
                </p>
              </div>
              {/* Announces the changes of status only, not every second's count. */}
              <p role="status" class={statusClass(current(), stalled())}>
                {stalled() ? t('sales.import.stalled') : t(`sales.import.${current().status}`)}
              </p>
              <dl class="details import-summary">
                <dt>{t('sales.import.totalRows')}</dt>
                <dd>{formatNumber(current().totalRows)}</dd>
                <dt>{t('sales.import.created')}</dt>
                <dd>{formatNumber(current().createdRows)}</dd>
                <dt>{t('sales.import.updated')}</dt>
                <dd>{formatNumber(current().updatedRows)}</dd>
                <dt>{t('sales.import.failedRows')}</dt>
                <dd>{formatNumber(current().failedRows)}</dd>
                <Show when={left().inFailedChunks > 0}>
                  <dt>{t('sales.import.inFailedChunks')}</dt>
                  <dd>{formatNumber(left().inFailedChunks)}</dd>
                </Show>
                <Show when={!isSettled(current())}>
                  <dt>{t('sales.import.remaining')}</dt>
                  <dd>{formatNumber(left().remaining)}</dd>
                </Show>
              </dl>
              <Show when={current().failedChunks.length > 0}>
                <section class="stack" aria-labelledby={`${id}-chunks`}>
                  <h3 id={`${id}-chunks`}>{t('sales.import.failedChunksTitle')}</h3>
                  <p>{t('sales.import.failedChunksHint')}</p>
                  <DataTable
                    items={current().failedChunks}
                    columns={[t('sales.import.chunk'), { label: t('sales.import.chunkRows'), class: 'numeric' }, { label: t('sales.import.attempts'), class: 'numeric' }, t('sales.import.reason'), t('common.actions')]}
                    row={(chunk) => {
                      const range = { n: formatNumber(chunk.chunkNo), first: formatNumber(chunk.firstRow), last: formatNumber(chunk.lastRow) };
                      return (
                        <>
                          <th scope="row">{t('sales.import.chunkOf', { n: range.n, count: formatNumber(current().chunkCount) })}</th>
                          <td class="numeric">{t('sales.import.rowRange', range)}</td>
                          <td class="numeric">{formatNumber(chunk.attempts)}</td>
                          <td>{chunk.reason}</td>
                          <td>
                            <button
                              type="button"
                              class="button button-secondary"
                              aria-label={t('sales.import.retryChunkLabel', range)}
                              disabled={retrying() !== undefined}
                              onClick={() => void retry(chunk.chunkNo)}
                            >
                              {retrying() === chunk.chunkNo ? t('sales.import.retrying') : t('sales.import.retryChunk')}
                            </button>
                          </td>
                        </>
                      );
                    }}
                  />
                  <ErrorAlert error={retryError()} />
                </section>
              </Show>
              <Show when={isSettled(current())}>
                <Show when={current().errors.length > 0} fallback={<Show when={current().status === 'completed'}><p>{t('sales.import.noErrors')}</p></Show>}>
                  <section class="stack" aria-labelledby={`${id}-errors`}>
                    <h3 id={`${id}-errors`}>{t('sales.import.errorsTitle')}</h3>
                    <Show when={current().errorCount > current().errors.length}>
                      <p class="muted">{t('sales.import.errorsMore', { shown: formatNumber(current().errors.length), count: formatNumber(current().errorCount) })}</p>
                    </Show>
                    <DataTable
                      items={current().errors}
                      columns={[{ label: t('sales.import.row'), class: 'numeric' }, t('sales.import.field'), t('sales.import.problem')]}
                      row={(rowError) => (
                        <>
                          <th scope="row" class="numeric">
                            {rowError.row > 0 ? formatNumber(rowError.row) : t('sales.import.wholeFile')}
                          </th>
                          <td>{rowError.field ? fieldLabel(rowError.field) : t('common.none')}</td>
                          <td>{rowErrorText(rowError)}</td>
                        </>
                      )}
                    />
                  </section>
                </Show>
                <div class="actions">
                  <button type="button" class="button button-primary" onClick={() => props.onAnother()}>
                    {t('sales.import.another')}
                  </button>
                  <a class="button button-secondary" href="/leads/">
                    {t('sales.import.toLeads')}
                  </a>
                </div>
              </Show>
            </>
          );
        }}
      </Show>
    </section>
  );
}
