import { createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { api } from '../../../api/endpoints';
import type { AdminUser, ServiceSettings, User } from '../../../api/types';
import { ErrorAlert, MessageAlert, Notice } from '../../../kit/alert';
import { LoadState, useLoaded } from '../../../kit/data-table';
import { createProblems, ProblemSummary, type Problems } from '../../../kit/field-problems';
import { allPages } from '../../../kit/paged-list';
import { StaffShell } from '../../../kit/staff-shell';
import { createSubmission } from '../../../kit/submission';
import { ValueList } from '../../../kit/value-list';
import { draftOf, type ChangeDraft, type Draft } from './service-settings-draft';
import { RepliesSection } from './service-settings-replies';
import { RulesSection } from './service-settings-rules';
import { teamName, TeamsSection } from './service-settings-teams';
import { isConflict } from '../../../kit/errors';
import { t } from '../../../kit/i18n';
import { isAdmin } from '../../../kit/session';
import '../texts';
import './texts';

type SettingsFormProps = { settings: ServiceSettings; staff: AdminUser[] };

/**
 * The whole settings document as one form: teams, default team, canned replies, manager e-mails
 * and the escalation rules' on/off switches; "Save settings" replaces it with If-Match. A conflict
 * keeps every change on the page until the admin chooses to reload.
 */
function SettingsForm(props: SettingsFormProps) {
  const [saved, setSaved] = createSignal(props.settings);
  const [draft, setDraft] = createSignal<Draft>(draftOf(props.settings));
  const baseline = createMemo(() => JSON.stringify(draftOf(saved())));
  const dirty = () => JSON.stringify(draft()) !== baseline();
  const submission = createSubmission();
  const problems = createProblems(submission.error);
  const [notice, setNotice] = createSignal<string>();

  const reset = (next: ServiceSettings) => {
    setSaved(next);
    setDraft(draftOf(next));
  };

  // Leaving the page (link, reload, closing the tab) with unsaved changes asks the browser's question first.
  const warn = (event: BeforeUnloadEvent) => {
    if (dirty()) event.preventDefault();
  };
  onMount(() => window.addEventListener('beforeunload', warn));
  onCleanup(() => window.removeEventListener('beforeunload', warn));

  /** Every edit: the document with `patch`, and "Saved" is no longer true. */
  const change: ChangeDraft = (patch) => {
    setNotice(undefined);
    setDraft((current) => ({ ...current, ...patch(current) }));
  };


  const check = (): Problems => {
    const found: Problems = {};
    draft().teams.forEach((team, index) => {
      if (!team.name.trim()) found[`teams.${index}.name`] = t('desk.settings.teamNameRequired');
    });
    return found;
  };

  const save = () => {
    setNotice(undefined);
    if (!problems.check(check())) return;
    void submission.run(async () => {
      reset(await api.serviceSettings.replace(saved().version, draft()));
      setNotice(t('desk.settings.saved'));
    });
  };
  const reload = () => void submission.run(async () => reset(await api.serviceSettings.get()));

  /** The label of the field at an API path, for the list of problems. */
  const fieldLabel = (path: string): string => {
    const [head, index, field] = path.split('.');
    const n = Number(index);
    switch (head) {
      case 'teams':
        return `${teamName(draft().teams, n)}: ${field === 'categories' ? t('common.categories') : field === 'memberIds' ? t('desk.settings.members') : t('desk.settings.teamName')}`;
      case 'defaultTeamId':
        return t('desk.settings.defaultTeam');
      case 'cannedReplies':
        return t('desk.settings.replyOf', { title: draft().cannedReplies[n]?.title ?? '' });
      case 'managerEmails':
        return t('desk.settings.managers');
      case 'escalationRules':
        return draft().escalationRules[n]?.name ?? t('desk.settings.rules');
      default:
        return t('nav.serviceSettings');
    }
  };

  return (
    <div class="stack">
      <p>{t('desk.settings.intro')}</p>

      <TeamsSection teams={draft().teams} defaultTeamId={draft().defaultTeamId} staff={props.staff} onChange={change} problemAt={problems.at} />

      <RepliesSection replies={draft().cannedReplies} onChange={change} />

      <section class="card stack" aria-labelledby="managers-title">
        <h2 id="managers-title">{t('desk.settings.managers')}</h2>
        <ValueList
          label={t('desk.settings.managerEmails')}
          hint={t('desk.settings.managersHint')}
          type="email"
          values={draft().managerEmails}
          onChange={(managerEmails) => change(() => ({ managerEmails }))}
          inputLabel={t('desk.settings.managerEmail')}
          addLabel={t('desk.settings.managerAdd')}
          removeLabel={t('common.remove')}
          empty={t('desk.settings.managersNone')}
          invalid={t('desk.settings.emailInvalid')}
          duplicate={t('desk.admin.duplicate')}
          maxLength={254}
          error={problems.at('managerEmails')}
        />
      </section>

      <RulesSection rules={draft().escalationRules} onChange={change} />

      <Notice message={notice()} />
      <ProblemSummary title={t('desk.admin.fix')} problems={problems.all()} label={fieldLabel} />
      <Show
        when={isConflict(submission.error())}
        fallback={
          <Show when={Object.keys(problems.all()).length === 0}>
            <ErrorAlert error={submission.error()} />
          </Show>
        }
      >
        <div class="alert alert-error" role="alert">
          <p>{t('desk.settings.conflict')}</p>
          <button type="button" class="button button-secondary" onClick={reload}>
            {t('desk.settings.reload')}
          </button>
        </div>
      </Show>
      <div class="actions">
        <button type="button" class="button button-primary" disabled={submission.busy()} onClick={save}>
          {submission.busy() ? t('common.saving') : t('desk.settings.save')}
        </button>
        <Show when={dirty()}>
          <span class="muted">{t('desk.settings.unsaved')}</span>
        </Show>
      </div>
    </div>
  );
}

function ServiceSettingsAdmin() {
  const loaded = useLoaded(() => Promise.all([api.serviceSettings.get(), allPages((cursor) => api.users.list({ audience: 'staff', limit: 100, cursor }))]));
  return (
    <LoadState data={loaded.data()} error={loaded.error()} onRetry={() => void loaded.load()}>
      {(data) => <SettingsForm settings={data()[0]} staff={data()[1]} />}
    </LoadState>
  );
}

/** The service desk's settings (administrators): teams and routing, canned replies, service managers, escalation rules on/off. */
export function ServiceSettingsPage() {
  return (
    <StaffShell current="service-settings" titleKey="nav.serviceSettings">
      {(me: User) => (
        <Show when={isAdmin(me)} fallback={<MessageAlert message={t('desk.settings.adminOnly')} />}>
          <ServiceSettingsAdmin />
        </Show>
      )}
    </StaffShell>
  );
}
