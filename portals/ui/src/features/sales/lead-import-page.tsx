import { createMemo, createSignal, createUniqueId, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { ApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { ImportField, LeadImport, LeadImportPreview, LeadImportRowError } from '../../api/types';
import { ErrorAlert, Loading, MessageAlert } from '../../kit/alert';
import { DataTable } from '../../kit/data-table';
import {
  fileProblem,
  isSettled,
  looksBinary,
  mappingProblems,
  MAX_FILE_BYTES,
  previewSlice,
  progressMark,
  rowsLeft,
  samplesOf,
  STALL_MS,
  utf8Bytes,
  type Mapping,
} from './lead-import-rules';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { StaffShell } from '../../kit/staff-shell';
import { createSubmission } from '../../kit/submission';
import { formatDateTime, formatNumber, intlLocale } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import { ti } from './texts/lead-import';

/** A file read and previewed, ready to be mapped. */
type Picked = { name: string; text: string; preview: LeadImportPreview };

type Stage = { kind: 'pick' } | { kind: 'map'; picked: Picked } | { kind: 'job'; id: string; job?: LeadImport };

const FIELD_LABEL: Record<ImportField, MessageKey> = {
  title: 'lead.titleField',
  contactName: 'lead.contactName',
  email: 'common.email',
  companyName: 'lead.company',
  phone: 'common.phone',
  source: 'lead.source',
  memo: 'lead.memo',
  productInterest: 'lead.productInterest',
  territory: 'lead.territory',
};

const fieldLabel = (field: ImportField) => t(FIELD_LABEL[field]);
const listText = (items: string[]) => new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(items);
/** Bytes as megabytes with one decimal, rounded up: a file just over the limit never reads as "5 MB". */
const megabytes = (bytes: number) => ti('import.megabytes', { n: new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(Math.ceil(bytes / 104_857.6) / 10) });
const SIMPLE_ROW_ERRORS = new Set(['required', 'invalid_email', 'lead_converted', 'version_conflict', 'upload_failed']);

/** A row error in the visitor's language; the API's English where its code is not known here. */
function rowErrorText(error: LeadImportRowError): string {
  if (SIMPLE_ROW_ERRORS.has(error.code)) return ti(`rowError.${error.code}` as 'rowError.required');
  if (error.code === 'too_long') {
    const max = /\d+/.exec(error.message)?.[0];
    if (max) return ti('rowError.too_long', { max: formatNumber(Number(max)) });
  }
  if (error.code === 'invalid_source') {
    const value = /"([^"]*)"/.exec(error.message)?.[1];
    if (value !== undefined) return ti('rowError.invalid_source', { value });
  }
  return error.message;
}

/** Moves focus to a step's heading when the step replaces the previous one, so screen readers follow. */
function focusOnMount(when: boolean | undefined, target: () => HTMLElement | undefined) {
  onMount(() => {
    if (when) requestAnimationFrame(() => target()?.focus());
  });
}

/** Step 1: a file from the file input or dropped on the zone, read in the browser, its start previewed. */
function FileStep(props: { onReady: (picked: Picked) => void; focus?: boolean }) {
  const inputId = createUniqueId();
  const [problem, setProblem] = createSignal<string>();
  const [error, setError] = createSignal<unknown>();
  const [reading, setReading] = createSignal<string>();
  const [dragging, setDragging] = createSignal(false);
  let heading: HTMLHeadingElement | undefined;
  let input: HTMLInputElement | undefined;
  let generation = 0;
  focusOnMount(props.focus, () => heading);

  async function take(file: File | undefined) {
    if (!file) return;
    const mine = ++generation;
    setProblem(undefined);
    setError(undefined);
    const name = file.name;
    const why = fileProblem(file);
    if (why) {
      setProblem(why === 'tooLarge' ? ti('import.tooLarge', { name, size: megabytes(file.size), max: megabytes(MAX_FILE_BYTES) }) : ti(`import.${why}`, { name }));
      return;
    }
    setReading(name);
    try {
      const text = await file.text();
      if (mine !== generation) return;
      if (looksBinary(text)) return void setProblem(ti('import.notCsv', { name }));
      if (text.trim() === '') return void setProblem(ti('import.emptyFile', { name }));
      const preview = await api.leadImports.preview(previewSlice(text));
      if (mine === generation) props.onReady({ name, text, preview });
    } catch (caught) {
      if (mine !== generation) return;
      if (caught instanceof ApiError) setError(caught);
      else setProblem(ti('import.unreadable', { name, message: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      if (mine === generation) setReading(undefined);
    }
  }

  return (
    <section class="stack" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} ref={heading} tabindex="-1">
        {ti('import.fileTitle')}
      </h2>
      <div
        class="drop-zone"
        classList={{ 'drop-active': dragging() }}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void take(e.dataTransfer?.files[0]);
        }}
      >
        <div class="field">
          <label for={inputId}>{ti('import.fileLabel')}</label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${inputId}-hint`}
            aria-invalid={problem() ? true : undefined}
            disabled={reading() !== undefined}
            onChange={(e) => {
              void take(e.currentTarget.files?.[0]);
              // Choosing the same file again (after fixing it) must read it again.
              if (input) input.value = '';
            }}
          />
          <p class="field-hint" id={`${inputId}-hint`}>
            {dragging() ? ti('import.dropActive') : ti('import.fileHint')}
          </p>
        </div>
      </div>
      <Show when={reading()}>{(name) => <Loading label={ti('import.reading', { name: name() })} />}</Show>
      <MessageAlert message={problem()} />
      <ErrorAlert error={error()} />
    </section>
  );
}

/** Step 2: each column with its first values and the lead field it fills; Import once the required fields have a column. */
function MappingStep(props: { picked: Picked; busy: boolean; error: unknown; onImport: (mapping: Mapping) => void; onCancel: () => void }) {
  const id = createUniqueId();
  const [mapping, setMapping] = createSignal<Mapping>({ ...props.picked.preview.suggestedMapping });
  const problems = createMemo(() => mappingProblems(props.picked.preview.fields, mapping()));
  const blocked = () => problems().missing.length > 0 || problems().doubled.length > 0;
  const doubledColumns = createMemo(() => new Set(problems().doubled.flatMap((d) => d.columns)));
  let heading: HTMLHeadingElement | undefined;
  focusOnMount(true, () => heading);

  const optionLabel = (field: LeadImportPreview['fields'][number]) =>
    field.required ? ti('import.requiredField', { field: fieldLabel(field.field) }) : fieldLabel(field.field);

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabindex="-1">
        {ti('import.mappingTitle')}
      </h2>
      <p>{ti('import.mappingHint', { name: props.picked.name })}</p>
      <div class="table-scroll">
        <table class="table import-map">
          <thead>
            <tr>
              <th scope="col">{ti('import.column')}</th>
              <th scope="col">{ti('import.samples')}</th>
              <th scope="col">{ti('import.field')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.picked.preview.columns}>
              {(column, index) => {
                const selectId = createUniqueId();
                const samples = samplesOf(props.picked.preview, index());
                return (
                  <tr>
                    <th scope="row">{column}</th>
                    <td>
                      <Show when={samples.length > 0} fallback={<span class="muted">{ti('import.noSamples')}</span>}>
                        <ul class="plain-list import-samples">
                          <For each={samples}>{(sample) => <li title={sample}>{sample}</li>}</For>
                        </ul>
                      </Show>
                    </td>
                    <td>
                      <label class="visually-hidden" for={selectId}>
                        {ti('import.fieldFor', { column })}
                      </label>
                      <select
                        id={selectId}
                        value={mapping()[column] ?? ''}
                        aria-invalid={doubledColumns().has(column) ? true : undefined}
                        aria-describedby={`${id}-check`}
                        disabled={props.busy}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          const field = props.picked.preview.fields.find((f) => f.field === value)?.field ?? null;
                          setMapping((current) => ({ ...current, [column]: field }));
                        }}
                      >
                        <option value="" selected={!mapping()[column]}>
                          {ti('import.skip')}
                        </option>
                        <For each={props.picked.preview.fields}>
                          {(field) => (
                            <option value={field.field} selected={mapping()[column] === field.field}>
                              {optionLabel(field)}
                            </option>
                          )}
                        </For>
                      </select>
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <div id={`${id}-check`} role="status">
        <Show when={blocked()} fallback={<p class="alert alert-success">{ti('import.ready')}</p>}>
          <div class="alert alert-warning">
            <Show when={problems().missing.length > 0}>
              <p>{ti('import.missing', { fields: listText(problems().missing.map(fieldLabel)) })}</p>
            </Show>
            <For each={problems().doubled}>
              {(doubled) => <p>{ti('import.doubled', { field: fieldLabel(doubled.field), columns: listText(doubled.columns) })}</p>}
            </For>
          </div>
        </Show>
      </div>
      <ErrorAlert error={props.error} />
      <div class="actions">
        <button type="button" class="button button-primary" disabled={blocked() || props.busy} aria-describedby={`${id}-check`} onClick={() => props.onImport(mapping())}>
          {props.busy ? ti('import.starting') : ti('import.start')}
        </button>
        <button type="button" class="button button-secondary" disabled={props.busy} onClick={() => props.onCancel()}>
          {ti('import.otherFile')}
        </button>
      </div>
    </section>
  );
}

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
function JobView(props: { id: string; initial?: LeadImport; focus?: boolean; onUpdate: (job: LeadImport) => void; onAnother: () => void }) {
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
    if (!current) return ti('import.loadingJob');
    return isSettled(current) ? ti('import.resultTitle', { name: current.fileName }) : ti('import.progressTitle', { name: current.fileName });
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
      <Show when={job()} fallback={<Show when={!error()}><Loading label={ti('import.loadingJob')} /></Show>}>
        {(current) => {
          const progressText = () => ti('import.progressText', { done: formatNumber(current().processedRows), total: formatNumber(current().totalRows) });
          const left = () => rowsLeft(current());
          return (
            <>
              <div class="field">
                <label for={`${id}-progress`}>{ti('import.progressLabel')}</label>
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
                {stalled() ? ti('import.stalled') : ti(`import.${current().status}`)}
              </p>
              <dl class="details import-summary">
                <dt>{ti('import.totalRows')}</dt>
                <dd>{formatNumber(current().totalRows)}</dd>
                <dt>{ti('import.created')}</dt>
                <dd>{formatNumber(current().createdRows)}</dd>
                <dt>{ti('import.updated')}</dt>
                <dd>{formatNumber(current().updatedRows)}</dd>
                <dt>{ti('import.failedRows')}</dt>
                <dd>{formatNumber(current().failedRows)}</dd>
                <Show when={left().inFailedChunks > 0}>
                  <dt>{ti('import.inFailedChunks')}</dt>
                  <dd>{formatNumber(left().inFailedChunks)}</dd>
                </Show>
                <Show when={!isSettled(current())}>
                  <dt>{ti('import.remaining')}</dt>
                  <dd>{formatNumber(left().remaining)}</dd>
                </Show>
              </dl>
              <Show when={current().failedChunks.length > 0}>
                <section class="stack" aria-labelledby={`${id}-chunks`}>
                  <h3 id={`${id}-chunks`}>{ti('import.failedChunksTitle')}</h3>
                  <p>{ti('import.failedChunksHint')}</p>
                  <div class="table-scroll">
                    <DataTable
                      items={current().failedChunks}
                      columns={[ti('import.chunk'), { label: ti('import.chunkRows'), class: 'numeric' }, { label: ti('import.attempts'), class: 'numeric' }, ti('import.reason'), t('common.actions')]}
                      row={(chunk) => {
                        const range = { n: formatNumber(chunk.chunkNo), first: formatNumber(chunk.firstRow), last: formatNumber(chunk.lastRow) };
                        return (
                          <>
                            <th scope="row">{ti('import.chunkOf', { n: range.n, count: formatNumber(current().chunkCount) })}</th>
                            <td class="numeric">{ti('import.rowRange', range)}</td>
                            <td class="numeric">{formatNumber(chunk.attempts)}</td>
                            <td>{chunk.reason}</td>
                            <td>
                              <button
                                type="button"
                                class="button button-secondary"
                                aria-label={ti('import.retryChunkLabel', range)}
                                disabled={retrying() !== undefined}
                                onClick={() => void retry(chunk.chunkNo)}
                              >
                                {retrying() === chunk.chunkNo ? ti('import.retrying') : ti('import.retryChunk')}
                              </button>
                            </td>
                          </>
                        );
                      }}
                    />
                  </div>
                  <ErrorAlert error={retryError()} />
                </section>
              </Show>
              <Show when={isSettled(current())}>
                <Show when={current().errors.length > 0} fallback={<Show when={current().status === 'completed'}><p>{ti('import.noErrors')}</p></Show>}>
                  <section class="stack" aria-labelledby={`${id}-errors`}>
                    <h3 id={`${id}-errors`}>{ti('import.errorsTitle')}</h3>
                    <Show when={current().errorCount > current().errors.length}>
                      <p class="muted">{ti('import.errorsMore', { shown: formatNumber(current().errors.length), count: formatNumber(current().errorCount) })}</p>
                    </Show>
                    <div class="table-scroll">
                      <DataTable
                        items={current().errors}
                        columns={[{ label: ti('import.row'), class: 'numeric' }, ti('import.field'), ti('import.problem')]}
                        row={(rowError) => (
                          <>
                            <th scope="row" class="numeric">
                              {rowError.row > 0 ? formatNumber(rowError.row) : ti('import.wholeFile')}
                            </th>
                            <td>{rowError.field ? fieldLabel(rowError.field) : t('common.none')}</td>
                            <td>{rowErrorText(rowError)}</td>
                          </>
                        )}
                      />
                    </div>
                  </section>
                </Show>
                <div class="actions">
                  <button type="button" class="button button-primary" onClick={() => props.onAnother()}>
                    {ti('import.another')}
                  </button>
                  <a class="button button-secondary" href="/leads/">
                    {ti('import.toLeads')}
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

function LeadImportScreen() {
  const [stage, setStage] = createSignal<Stage>({ kind: 'pick' });
  const [moved, setMoved] = createSignal(false);
  const [sizeProblem, setSizeProblem] = createSignal<string>();
  const submission = createSubmission();
  const { list: recent } = usePagedList<LeadImport, 'all'>('all', (_, cursor) => api.leadImports.list({ cursor, limit: 10 }));

  // The address names the import on screen, so a reload (or a link) shows it again.
  const showJob = (id: string, job?: LeadImport) => {
    history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
    setMoved(true);
    setStage({ kind: 'job', id, job });
  };
  const startOver = () => {
    history.replaceState(null, '', location.pathname);
    setMoved(true);
    setSizeProblem(undefined);
    submission.setError(undefined);
    setStage({ kind: 'pick' });
  };

  onMount(() => {
    const id = new URLSearchParams(location.search).get('id');
    if (id) setStage({ kind: 'job', id });
  });

  const start = (picked: Picked, mapping: Mapping) => {
    setSizeProblem(undefined);
    const body = { fileName: picked.name.slice(0, 200), csv: picked.text, mapping };
    // The request around the file counts too: refuse here rather than with the API's 413.
    const bytes = utf8Bytes(JSON.stringify(body));
    if (bytes > MAX_FILE_BYTES) {
      setSizeProblem(ti('import.tooLarge', { name: picked.name, size: megabytes(bytes), max: megabytes(MAX_FILE_BYTES) }));
      return;
    }
    void submission.run(async (key) => {
      const job = await api.leadImports.start(body, key);
      showJob(job.id, job);
      void recent.reload();
    });
  };

  const currentPicked = () => {
    const current = stage();
    return current.kind === 'map' ? current.picked : undefined;
  };
  const currentJob = () => {
    const current = stage();
    return current.kind === 'job' ? current : undefined;
  };
  // The recent list follows the job on screen, so its row shows the same counts; once the job is
  // settled the list is read again, so no slower answer from before can leave it behind.
  const updateRecent = (job: LeadImport) => {
    recent.setItems((items) => items.map((item) => (item.id === job.id ? job : item)));
    if (isSettled(job)) void recent.reload();
  };

  return (
    <div class="stack">
      <p>
        <a href="/leads/">{ti('import.backToLeads')}</a>
      </p>
      <p>{ti('import.intro')}</p>
      <Switch>
        <Match when={stage().kind === 'pick'}>
          <FileStep focus={moved()} onReady={(picked) => setStage({ kind: 'map', picked })} />
        </Match>
        <Match when={currentPicked()} keyed>
          {(picked) => (
            <>
              <MappingStep
                picked={picked}
                busy={submission.busy()}
                error={submission.error()}
                onImport={(mapping) => start(picked, mapping)}
                onCancel={() => startOver()}
              />
              <MessageAlert message={sizeProblem()} />
            </>
          )}
        </Match>
        <Match when={currentJob()?.id} keyed>
          {(id) => (
            <JobView
              id={id}
              initial={currentJob()?.job}
              focus={moved()}
              onUpdate={updateRecent}
              onAnother={() => startOver()}
            />
          )}
        </Match>
      </Switch>

      <section class="stack" aria-labelledby="recent-imports-title">
        <h2 id="recent-imports-title">{ti('import.recentTitle')}</h2>
        <PagedTable
          list={recent}
          emptyHidesOnError
          empty={ti('import.recentEmpty')}
          columns={[
            ti('import.file'),
            ti('import.started'),
            ti('import.status'),
            { label: ti('import.totalRows'), class: 'numeric' },
            { label: ti('import.created'), class: 'numeric' },
            { label: ti('import.updated'), class: 'numeric' },
            { label: ti('import.failedRows'), class: 'numeric' },
          ]}
          row={(job) => (
            <>
              <th scope="row">
                <a
                  href={`?id=${encodeURIComponent(job.id)}`}
                  aria-current={currentJob()?.id === job.id ? 'true' : undefined}
                  onClick={(e) => {
                    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
                    e.preventDefault();
                    showJob(job.id);
                  }}
                >
                  {job.fileName}
                </a>
              </th>
              <td>{formatDateTime(job.createdAt)}</td>
              <td>
                <span class={`badge import-status-${job.status}`}>{ti(`importStatus.${job.status}`)}</span>
              </td>
              <td class="numeric">{formatNumber(job.totalRows)}</td>
              <td class="numeric">{formatNumber(job.createdRows)}</td>
              <td class="numeric">{formatNumber(job.updatedRows)}</td>
              <td class="numeric">{formatNumber(job.failedRows)}</td>
            </>
          )}
        />
      </section>
    </div>
  );
}

export function LeadImportPage() {
  return (
    <StaffShell current="leads" titleKey="lead.listTitle" heading={ti('import.title')}>
      {() => <LeadImportScreen />}
    </StaffShell>
  );
}
