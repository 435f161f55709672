import { createSignal, onCleanup, Show } from 'solid-js';
import { newIdempotencyKey } from '../api/client';
import { api } from '../api/endpoints';
import type { ExportCreate, ExportJob } from '../api/types';
import { errorMessage } from './errors';
import { formatNumber } from './format';
import { t } from './i18n';

/** How often the button asks whether the file is written, and for how long before it gives up waiting. */
const POLL_MS = 1_000;
const WAIT_MS = 5 * 60_000;

/**
 * "Export CSV" for a list with its current filters: the API writes the file in the background
 * (every row the user may read, not only the page on screen); the button shows the rows
 * written so far and starts the download when the file is ready.
 */
export function ExportButton(props: { source: ExportCreate['source']; filter: () => Record<string, string | undefined> }) {
  const [job, setJob] = createSignal<ExportJob>();
  const [problem, setProblem] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const follow = (id: string, until: number) => {
    timer = setTimeout(async () => {
      try {
        const current = await api.exports.get(id);
        setJob(current);
        if (current.state === 'completed' && current.downloadUrl) window.location.assign(current.downloadUrl);
        else if (current.state === 'failed') setProblem(t('export.failed'));
        else if (Date.now() > until) setProblem(t('export.slow'));
        else follow(id, until);
      } catch (error) {
        setProblem(errorMessage(error));
      }
    }, POLL_MS);
  };

  const start = async () => {
    setProblem(undefined);
    const filter = Object.fromEntries(Object.entries(props.filter()).filter((entry): entry is [string, string] => Boolean(entry[1])));
    try {
      const started = await api.exports.start({ source: props.source, filter }, newIdempotencyKey());
      setJob(started);
      follow(started.id, Date.now() + WAIT_MS);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const running = () => job()?.state === 'running' && !problem();
  return (
    <span class="export-button">
      <button type="button" class="button button-secondary" disabled={running()} aria-describedby="export-status" onClick={() => void start()}>
        {t('export.csv')}
      </button>
      <span id="export-status" class="muted" role="status">
        <Show when={running()}>{t('export.running', { rows: formatNumber(job()?.rows ?? 0) })}</Show>
        <Show when={job()?.state === 'completed' && !problem()}>{t('export.done', { rows: formatNumber(job()?.rows ?? 0) })}</Show>
        <Show when={problem()}>{(message) => <span class="field-error">{message()}</span>}</Show>
      </span>
    </span>
  );
}
