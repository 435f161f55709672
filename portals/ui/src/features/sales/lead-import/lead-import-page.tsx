import { createSignal, Match, onMount, Switch } from 'solid-js';
import { api } from '../../../api/endpoints';
import type { LeadImport } from '../../../api/types';
import { MessageAlert } from '../../../kit/alert';
import { isSettled, MAX_FILE_BYTES, utf8Bytes, type Mapping } from './lead-import-rules';
import { megabytes } from './lead-import-labels';
import { FileStep, MappingStep, type Picked } from './lead-import-steps';
import { JobView } from './lead-import-job';
import { PagedTable, usePagedList } from '../../../kit/paged-table';
import { StaffShell } from '../../../kit/staff-shell';
import { createSubmission } from '../../../kit/submission';
import { formatDateTime, formatNumber } from '../../../kit/format';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

// The lead import screen: its three steps (./lead-import-steps, ./lead-import-job) above the recent imports.

type Stage = { kind: 'pick' } | { kind: 'map'; picked: Picked } | { kind: 'job'; id: string; job?: LeadImport };

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
      setSizeProblem(t('sales.import.tooLarge', { name: picked.name, size: megabytes(bytes), max: megabytes(MAX_FILE_BYTES) }));
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
        <a href="/leads/">{t('sales.import.backToLeads')}</a>
      </p>
      <p>{t('sales.import.intro')}</p>
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
        <h2 id="recent-imports-title">{t('sales.import.recentTitle')}</h2>
        <PagedTable
          list={recent}
          emptyHidesOnError
          empty={t('sales.import.recentEmpty')}
          columns={[
            t('sales.import.file'),
            t('sales.import.started'),
            t('common.status'),
            { label: t('sales.import.totalRows'), class: 'numeric' },
            { label: t('sales.import.created'), class: 'numeric' },
            { label: t('sales.import.updated'), class: 'numeric' },
            { label: t('sales.import.failedRows'), class: 'numeric' },
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
                <span class={`badge import-status-${job.status}`}>{t(`sales.importStatus.${job.status}`)}</span>
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
    <StaffShell current="leads" titleKey="nav.leads" heading={t('sales.import.title')}>
      {() => <LeadImportScreen />}
    </StaffShell>
  );
}
