import { createMemo, createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import { ApiError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { LeadImportPreview } from '../../../api/types';
import { ErrorAlert, Loading, MessageAlert } from '../../../kit/alert';
import { fileProblem, looksBinary, mappingProblems, MAX_FILE_BYTES, previewSlice, samplesOf, type Mapping } from './lead-import-rules';
import { fieldLabel, megabytes } from './lead-import-labels';
import { intlLocale } from '../../../kit/format';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

// The lead import's first two steps: choosing the file, then matching its columns to lead fields.

/** A file read and previewed, ready to be mapped. */
export type Picked = { name: string; text: string; preview: LeadImportPreview };

const listText = (items: string[]) => new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(items);

/** Moves focus to a step's heading when the step replaces the previous one, so screen readers follow. */
export function focusOnMount(when: boolean | undefined, target: () => HTMLElement | undefined) {
  onMount(() => {
    if (when) requestAnimationFrame(() => target()?.focus());
  });
}

/** Step 1: a file from the file input or dropped on the zone, read in the browser, its start previewed. */
export function FileStep(props: { onReady: (picked: Picked) => void; focus?: boolean }) {
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
      setProblem(why === 'tooLarge' ? t('sales.import.tooLarge', { name, size: megabytes(file.size), max: megabytes(MAX_FILE_BYTES) }) : t(`sales.import.${why}`, { name }));
      return;
    }
    setReading(name);
    try {
      const text = await file.text();
      if (mine !== generation) return;
      if (looksBinary(text)) return void setProblem(t('sales.import.notCsv', { name }));
      if (text.trim() === '') return void setProblem(t('sales.import.emptyFile', { name }));
      const preview = await api.leadImports.preview(previewSlice(text));
      if (mine === generation) props.onReady({ name, text, preview });
    } catch (caught) {
      if (mine !== generation) return;
      if (caught instanceof ApiError) setError(caught);
      else setProblem(t('sales.import.unreadable', { name, message: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      if (mine === generation) setReading(undefined);
    }
  }

  return (
    <section class="stack" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} ref={heading} tabindex="-1">
        {t('sales.import.fileTitle')}
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
          <label for={inputId}>{t('sales.import.fileLabel')}</label>
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
            {dragging() ? t('sales.import.dropActive') : t('sales.import.fileHint')}
          </p>
        </div>
      </div>
      <Show when={reading()}>{(name) => <Loading label={t('sales.import.reading', { name: name() })} />}</Show>
      <MessageAlert message={problem()} />
      <ErrorAlert error={error()} />
    </section>
  );
}

/** Step 2: each column with its first values and the lead field it fills; Import once the required fields have a column. */
export function MappingStep(props: { picked: Picked; busy: boolean; error: unknown; onImport: (mapping: Mapping) => void; onCancel: () => void }) {
  const id = createUniqueId();
  const [mapping, setMapping] = createSignal<Mapping>({ ...props.picked.preview.suggestedMapping });
  const problems = createMemo(() => mappingProblems(props.picked.preview.fields, mapping()));
  const blocked = () => problems().missing.length > 0 || problems().doubled.length > 0;
  const doubledColumns = createMemo(() => new Set(problems().doubled.flatMap((d) => d.columns)));
  let heading: HTMLHeadingElement | undefined;
  focusOnMount(true, () => heading);

  const optionLabel = (field: LeadImportPreview['fields'][number]) =>
    field.required ? t('sales.import.requiredField', { field: fieldLabel(field.field) }) : fieldLabel(field.field);

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabindex="-1">
        {t('sales.import.mappingTitle')}
      </h2>
      <p>{t('sales.import.mappingHint', { name: props.picked.name })}</p>
      <div class="table-scroll">
        <table class="table import-map">
          <thead>
            <tr>
              <th scope="col">{t('sales.import.column')}</th>
              <th scope="col">{t('sales.import.samples')}</th>
              <th scope="col">{t('sales.import.field')}</th>
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
                      <Show when={samples.length > 0} fallback={<span class="muted">{t('sales.import.noSamples')}</span>}>
                        <ul class="plain-list import-samples">
                          <For each={samples}>{(sample) => <li title={sample}>{sample}</li>}</For>
                        </ul>
                      </Show>
                    </td>
                    <td>
                      <label class="visually-hidden" for={selectId}>
                        {t('sales.import.fieldFor', { column })}
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
                          {t('sales.import.skip')}
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
        <Show when={blocked()} fallback={<p class="alert alert-success">{t('sales.import.ready')}</p>}>
          <div class="alert alert-warning">
            <Show when={problems().missing.length > 0}>
              <p>{t('sales.import.missing', { fields: listText(problems().missing.map(fieldLabel)) })}</p>
            </Show>
            <For each={problems().doubled}>
              {(doubled) => <p>{t('sales.import.doubled', { field: fieldLabel(doubled.field), columns: listText(doubled.columns) })}</p>}
            </For>
          </div>
        </Show>
      </div>
      <ErrorAlert error={props.error} />
      <div class="actions">
        <button type="button" class="button button-primary" disabled={blocked() || props.busy} aria-describedby={`${id}-check`} onClick={() => props.onImport(mapping())}>
          {props.busy ? t('sales.import.starting') : t('sales.import.start')}
        </button>
        <button type="button" class="button button-secondary" disabled={props.busy} onClick={() => props.onCancel()}>
          {t('sales.import.otherFile')}
        </button>
      </div>
    </section>
  );
}
