import { createMemo, createSignal, createUniqueId, For, Index, onCleanup, onMount, Show } from 'solid-js';
import { newIdempotencyKey } from '../../api/client';
import { api } from '../../api/endpoints';
import type { AdminUser, CannedReply, EscalationRule, Locale, ServiceSettings, ServiceTeam, User } from '../../api/types';
import { ErrorAlert, MessageAlert, Notice } from '../../kit/alert';
import { CheckboxGroup } from '../../kit/checkbox-group';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { DataTable, LoadState, useLoaded } from '../../kit/data-table';
import { Dialog } from '../../kit/dialog';
import { actionTexts, conditionText } from './escalation-rule-text';
import { Field, SelectField } from '../../kit/field';
import { createProblems, ProblemSummary, type Problems } from '../../kit/field-problems';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { allPages } from '../../kit/paged-list';
import { StaffShell } from '../../kit/staff-shell';
import { createSubmission } from '../../kit/submission';
import { categoryLabel } from './ticket';
import { ValueList } from '../../kit/value-list';
import { CategoryList } from './category-list';
import { isConflict } from '../../kit/errors';
import { isLocale, locale, LOCALE_OPTIONS, t } from '../../kit/i18n';
import { tsa } from './texts/service-admin';
import { isAdmin } from '../../kit/session';

/** The document PUT /service-settings replaces: what GET answers without its version. */
type Draft = Omit<ServiceSettings, 'version' | 'updatedAt'>;

function draftOf(settings: ServiceSettings): Draft {
  const { teams, defaultTeamId, cannedReplies, escalationRules, managerEmails } = settings;
  return structuredClone({ teams, defaultTeamId, cannedReplies, escalationRules, managerEmails });
}

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

type ReplyFormProps = {
  /** The reply to edit, `null` for a new one. */
  reply: CannedReply | null;
  onClose: () => void;
  onDone: (reply: CannedReply) => void;
};

/** Writes one canned reply into the page's settings (saved with them). */
function ReplyForm(props: ReplyFormProps) {
  const [title, setTitle] = createSignal(props.reply?.title ?? '');
  const [body, setBody] = createSignal(props.reply?.body ?? '');
  const [language, setLanguage] = createSignal<Locale>(props.reply?.language ?? locale());
  const form = createDialogForm(props.onClose);
  const submit = form.onSubmit(() => {
    if (!title().trim() || !body().trim()) return form.setProblem(tsa('settings.replyRequired'));
    props.onDone({ id: props.reply?.id ?? newIdempotencyKey(), title: title().trim(), body: body().trim(), language: language() });
    form.close();
  });
  return (
    <form class="form" onSubmit={submit}>
      <Field label={tsa('settings.replyTitle')} name="title" required autofocus maxLength={120} value={title()} onInput={setTitle} />
      <SelectField
        label={tsa('settings.replyLanguage')}
        name="language"
        value={language()}
        onChange={(value) => isLocale(value) && setLanguage(value)}
        options={LOCALE_OPTIONS.map((option) => ({ value: option, label: t(`locale.${option}`) }))}
      />
      <Field label={tsa('settings.replyBody')} name="body" required multiline maxLength={5000} value={body()} onInput={setBody} />
      <p class="field-hint">{tsa('settings.replyNote')}</p>
      <FormFooter problem={form.problem()} submission={form.submission} label={props.reply ? tsa('settings.replyApply') : tsa('settings.replyAdd')} />
    </form>
  );
}

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
  const [replyEditing, setReplyEditing] = createSignal<CannedReply | null>();
  const [replyDeleting, setReplyDeleting] = createSignal<CannedReply>();
  let teamList: HTMLUListElement | undefined;
  let addTeamButton: HTMLButtonElement | undefined;

  const staffName = (id: string) => props.staff.find((user) => user.id === id)?.name ?? tsa('settings.memberUnknown', { id });
  const teamName = (index: number) => draft().teams[index]?.name.trim() || tsa('settings.teamUnnamed');

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
  const change = (patch: (current: Draft) => Partial<Draft>) => {
    setNotice(undefined);
    setDraft((current) => ({ ...current, ...patch(current) }));
  };
  const changeTeam = (index: number, patch: Partial<ServiceTeam>) =>
    change(({ teams }) => ({ teams: teams.map((team, i) => (i === index ? { ...team, ...patch } : team)) }));
  const changeRule = (index: number, patch: Partial<EscalationRule>) =>
    change(({ escalationRules }) => ({ escalationRules: escalationRules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) }));

  const addTeam = () => {
    change(({ teams }) => ({ teams: [...teams, { id: newIdempotencyKey(), name: '', categories: [], memberIds: [] }] }));
    teamList?.querySelector<HTMLInputElement>(':scope > li:last-child input')?.focus();
  };
  const removeTeam = (index: number) => {
    change(({ teams, defaultTeamId }) => ({
      teams: teams.filter((_, i) => i !== index),
      defaultTeamId: defaultTeamId === teams[index]?.id ? undefined : defaultTeamId,
    }));
    addTeamButton?.focus();
  };
  const putReply = (reply: CannedReply) => {
    change(({ cannedReplies }) => ({
      cannedReplies: cannedReplies.some((r) => r.id === reply.id) ? cannedReplies.map((r) => (r.id === reply.id ? reply : r)) : [...cannedReplies, reply],
    }));
  };

  const check = (): Problems => {
    const found: Problems = {};
    draft().teams.forEach((team, index) => {
      if (!team.name.trim()) found[`teams.${index}.name`] = tsa('settings.teamNameRequired');
    });
    return found;
  };

  const save = () => {
    setNotice(undefined);
    if (!problems.check(check())) return;
    void submission.run(async () => {
      reset(await api.serviceSettings.replace(saved().version, draft()));
      setNotice(tsa('settings.saved'));
    });
  };
  const reload = () => void submission.run(async () => reset(await api.serviceSettings.get()));

  /** The label of the field at an API path, for the list of problems. */
  const fieldLabel = (path: string): string => {
    const [head, index, field] = path.split('.');
    const n = Number(index);
    switch (head) {
      case 'teams':
        return `${teamName(n)}: ${field === 'categories' ? tsa('admin.categories') : field === 'memberIds' ? tsa('settings.members') : tsa('settings.teamName')}`;
      case 'defaultTeamId':
        return tsa('settings.defaultTeam');
      case 'cannedReplies':
        return tsa('settings.replyOf', { title: draft().cannedReplies[n]?.title ?? '' });
      case 'managerEmails':
        return tsa('settings.managers');
      case 'escalationRules':
        return draft().escalationRules[n]?.name ?? tsa('settings.rules');
      default:
        return t('nav.serviceSettings');
    }
  };

  const rulesHeadingId = createUniqueId();
  return (
    <div class="stack">
      <p>{tsa('settings.intro')}</p>

      <section class="card stack" aria-labelledby="teams-title">
        <h2 id="teams-title">{tsa('settings.teams')}</h2>
        <p class="field-hint">{tsa('settings.teamsHint')}</p>
        <Show when={draft().teams.length > 0} fallback={<p class="empty">{tsa('settings.teamsNone')}</p>}>
          <ul class="plain-list stack" ref={teamList}>
            {/* Index, not For: a team is a new object after each keystroke, its inputs must stay. */}
            <Index each={draft().teams}>
              {(team, index) => (
                <li>
                  <fieldset class="form team-fields">
                    <legend>{teamName(index)}</legend>
                    <Field
                      label={tsa('settings.teamName')}
                      required
                      maxLength={120}
                      value={team().name}
                      onInput={(name) => changeTeam(index, { name })}
                      error={problems.at(`teams.${index}.name`)}
                    />
                    <CategoryList
                      label={tsa('admin.categories')}
                      hint={tsa('settings.teamCategoriesHint')}
                      values={team().categories}
                      onChange={(categories) => changeTeam(index, { categories })}
                      empty={tsa('settings.teamCategoriesNone')}
                      display={categoryLabel}
                      error={problems.at(`teams.${index}.categories`)}
                    />
                    <CheckboxGroup
                      legend={tsa('settings.members')}
                      hint={props.staff.length === 0 ? tsa('settings.membersNone') : undefined}
                      options={[...props.staff.map((user) => user.id), ...team().memberIds.filter((id) => !props.staff.some((user) => user.id === id))]}
                      value={team().memberIds}
                      onChange={(memberIds) => changeTeam(index, { memberIds })}
                      label={staffName}
                      error={problems.at(`teams.${index}.memberIds`)}
                    />
                    <div class="actions">
                      <button type="button" class="button button-secondary" onClick={() => removeTeam(index)}>
                        {tsa('settings.teamRemove')}
                        <span class="visually-hidden"> {teamName(index)}</span>
                      </button>
                    </div>
                  </fieldset>
                </li>
              )}
            </Index>
          </ul>
        </Show>
        <div class="actions">
          <button type="button" class="button button-secondary" ref={addTeamButton} onClick={addTeam}>
            {tsa('settings.teamAdd')}
          </button>
        </div>
        <SelectField
          label={tsa('settings.defaultTeam')}
          name="defaultTeam"
          value={draft().defaultTeamId ?? ''}
          onChange={(value) => change(() => ({ defaultTeamId: value || undefined }))}
          options={[{ value: '', label: tsa('settings.defaultTeamNone') }, ...draft().teams.map((team, index) => ({ value: team.id, label: teamName(index) }))]}
        />
        <p class="field-hint">{tsa('settings.defaultTeamHint')}</p>
      </section>

      <section class="card stack" aria-labelledby="replies-title">
        <div class="section-header">
          <h2 id="replies-title">{tsa('settings.replies')}</h2>
          <button type="button" class="button button-secondary" onClick={() => setReplyEditing(null)}>
            {tsa('settings.replyAdd')}
          </button>
        </div>
        <p class="field-hint">{tsa('settings.repliesHint')}</p>
        <Show when={draft().cannedReplies.length > 0} fallback={<p class="empty">{tsa('settings.repliesNone')}</p>}>
          <div class="table-scroll">
            <DataTable
              items={draft().cannedReplies}
              columns={[tsa('settings.replyTitle'), tsa('settings.replyLanguage'), tsa('settings.replyBody'), t('common.actions')]}
              row={(reply) => (
                <>
                  <th scope="row">{reply.title}</th>
                  <td>{t(`locale.${reply.language}`)}</td>
                  <td>{excerpt(reply.body)}</td>
                  <td>
                    <div class="row-actions">
                      <button type="button" class="button button-secondary" onClick={() => setReplyEditing(reply)}>
                        {t('common.edit')}
                        <span class="visually-hidden"> {reply.title}</span>
                      </button>
                      <button type="button" class="button button-danger" onClick={() => setReplyDeleting(reply)}>
                        {t('common.delete')}
                        <span class="visually-hidden"> {reply.title}</span>
                      </button>
                    </div>
                  </td>
                </>
              )}
            />
          </div>
        </Show>
      </section>

      <section class="card stack" aria-labelledby="managers-title">
        <h2 id="managers-title">{tsa('settings.managers')}</h2>
        <ValueList
          label={tsa('settings.managerEmails')}
          hint={tsa('settings.managersHint')}
          type="email"
          values={draft().managerEmails}
          onChange={(managerEmails) => change(() => ({ managerEmails }))}
          inputLabel={tsa('settings.managerEmail')}
          addLabel={tsa('settings.managerAdd')}
          removeLabel={tsa('admin.remove')}
          empty={tsa('settings.managersNone')}
          invalid={tsa('settings.emailInvalid')}
          duplicate={tsa('admin.duplicate')}
          maxLength={254}
          error={problems.at('managerEmails')}
        />
      </section>

      <section class="card stack" aria-labelledby={rulesHeadingId}>
        <h2 id={rulesHeadingId}>{tsa('settings.rules')}</h2>
        <p class="field-hint">{tsa('settings.rulesHint')}</p>
        <Show when={draft().escalationRules.length > 0} fallback={<p class="empty">{tsa('settings.rulesNone')}</p>}>
          <ul class="plain-list stack">
            {/* Index: the switch keeps its focus while its rule becomes a new object. */}
            <Index each={draft().escalationRules}>
              {(rule, index) => {
                const nameId = createUniqueId();
                return (
                  <li class="settings-item">
                    <div class="section-header">
                      <h3 id={nameId}>{rule().name}</h3>
                      <label class="checkbox">
                        <input
                          type="checkbox"
                          role="switch"
                          checked={rule().enabled}
                          aria-describedby={nameId}
                          onChange={(e) => changeRule(index, { enabled: e.currentTarget.checked })}
                        />
                        {tsa('settings.enabled')}
                      </label>
                    </div>
                    <dl class="details">
                      <dt>{tsa('settings.when')}</dt>
                      <dd>
                        <Show when={rule().conditions.length > 0} fallback={tsa('settings.always')}>
                          <ul class="plain-list">
                            <For each={rule().conditions}>{(condition) => <li>{conditionText(condition)}</li>}</For>
                          </ul>
                        </Show>
                      </dd>
                      <dt>{tsa('settings.then')}</dt>
                      <dd>
                        <ul class="plain-list">
                          <For each={rule().actions.flatMap(actionTexts)}>{(line) => <li>{line}</li>}</For>
                        </ul>
                      </dd>
                    </dl>
                  </li>
                );
              }}
            </Index>
          </ul>
        </Show>
      </section>

      <Notice message={notice()} />
      <ProblemSummary title={tsa('admin.fix')} problems={problems.all()} label={fieldLabel} />
      <Show
        when={isConflict(submission.error())}
        fallback={
          <Show when={Object.keys(problems.all()).length === 0}>
            <ErrorAlert error={submission.error()} />
          </Show>
        }
      >
        <div class="alert alert-error" role="alert">
          <p>{tsa('settings.conflict')}</p>
          <button type="button" class="button button-secondary" onClick={reload}>
            {tsa('settings.reload')}
          </button>
        </div>
      </Show>
      <div class="actions">
        <button type="button" class="button button-primary" disabled={submission.busy()} onClick={save}>
          {submission.busy() ? t('common.saving') : tsa('settings.save')}
        </button>
        <Show when={dirty()}>
          <span class="muted">{tsa('settings.unsaved')}</span>
        </Show>
      </div>

      <Dialog open={replyEditing() !== undefined} title={replyEditing() ? tsa('settings.replyEditTitle') : tsa('settings.replyAdd')} onClose={() => setReplyEditing(undefined)}>
        <ReplyForm reply={replyEditing() ?? null} onClose={() => setReplyEditing(undefined)} onDone={putReply} />
      </Dialog>
      <ConfirmDialog
        open={replyDeleting() !== undefined}
        title={tsa('settings.replyDeleteTitle', { title: replyDeleting()?.title ?? '' })}
        message={tsa('settings.replyDeleteMessage')}
        confirmLabel={t('common.delete')}
        onClose={() => setReplyDeleting(undefined)}
        onConfirm={async () => {
          const doomed = replyDeleting();
          change(({ cannedReplies }) => ({ cannedReplies: cannedReplies.filter((reply) => reply.id !== doomed?.id) }));
        }}
      />
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
        <Show when={isAdmin(me)} fallback={<MessageAlert message={tsa('settings.adminOnly')} />}>
          <ServiceSettingsAdmin />
        </Show>
      )}
    </StaffShell>
  );
}
