import { Index, Show } from 'solid-js';
import { newIdempotencyKey } from '../../../api/client';
import type { AdminUser, ServiceTeam } from '../../../api/types';
import { CheckboxGroup } from '../../../kit/checkbox-group';
import { Field, SelectField } from '../../../kit/field';
import { categoryLabel } from '../ticket';
import { CategoryList } from '../category-list';
import type { ChangeDraft } from './service-settings-draft';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

/** A team's name as the form shows it: "New team" until it has one. */
export const teamName = (teams: ServiceTeam[], index: number) => teams[index]?.name.trim() || t('desk.settings.teamUnnamed');

type TeamsSectionProps = {
  teams: ServiceTeam[];
  defaultTeamId: string | undefined;
  staff: AdminUser[];
  onChange: ChangeDraft;
  /** The problem of a field path (`teams.0.name`). */
  problemAt: (path: string) => string | undefined;
};

/** The teams new tickets are routed to by category, their members, and the default team. */
export function TeamsSection(props: TeamsSectionProps) {
  let teamList: HTMLUListElement | undefined;
  let addTeamButton: HTMLButtonElement | undefined;
  const staffName = (id: string) => props.staff.find((user) => user.id === id)?.name ?? t('desk.settings.memberUnknown', { id });
  const name = (index: number) => teamName(props.teams, index);
  const changeTeam = (index: number, patch: Partial<ServiceTeam>) =>
    props.onChange(({ teams }) => ({ teams: teams.map((team, i) => (i === index ? { ...team, ...patch } : team)) }));
  const addTeam = () => {
    props.onChange(({ teams }) => ({ teams: [...teams, { id: newIdempotencyKey(), name: '', categories: [], memberIds: [] }] }));
    teamList?.querySelector<HTMLInputElement>(':scope > li:last-child input')?.focus();
  };
  const removeTeam = (index: number) => {
    props.onChange(({ teams, defaultTeamId }) => ({
      teams: teams.filter((_, i) => i !== index),
      defaultTeamId: defaultTeamId === teams[index]?.id ? undefined : defaultTeamId,
    }));
    addTeamButton?.focus();
  };
  return (
  <section class="card stack" aria-labelledby="teams-title">
    <h2 id="teams-title">{t('desk.settings.teams')}</h2>
    <p class="field-hint">{t('desk.settings.teamsHint')}</p>
    <Show when={props.teams.length > 0} fallback={<p class="empty">{t('desk.settings.teamsNone')}</p>}>
      <ul class="plain-list stack" ref={teamList}>
        {/* Index, not For: a team is a new object after each keystroke, its inputs must stay. */}
        <Index each={props.teams}>
          {(team, index) => (
            <li>
              <fieldset class="form team-fields">
                <legend>{name(index)}</legend>
                <Field
                  label={t('desk.settings.teamName')}
                  required
                  maxLength={120}
                  value={team().name}
                  onInput={(name) => changeTeam(index, { name })}
                  error={props.problemAt(`teams.${index}.name`)}
                />
                <CategoryList
                  label={t('common.categories')}
                  hint={t('desk.settings.teamCategoriesHint')}
                  values={team().categories}
                  onChange={(categories) => changeTeam(index, { categories })}
                  empty={t('desk.settings.teamCategoriesNone')}
                  display={categoryLabel}
                  error={props.problemAt(`teams.${index}.categories`)}
                />
                <CheckboxGroup
                  legend={t('desk.settings.members')}
                  hint={props.staff.length === 0 ? t('desk.settings.membersNone') : undefined}
                  options={[...props.staff.map((user) => user.id), ...team().memberIds.filter((id) => !props.staff.some((user) => user.id === id))]}
                  value={team().memberIds}
                  onChange={(memberIds) => changeTeam(index, { memberIds })}
                  label={staffName}
                  error={props.problemAt(`teams.${index}.memberIds`)}
                />
                <div class="actions">
                  <button type="button" class="button button-secondary" onClick={() => removeTeam(index)}>
                    {t('desk.settings.teamRemove')}
                    <span class="visually-hidden"> {name(index)}</span>
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
        {t('desk.settings.teamAdd')}
      </button>
    </div>
    <SelectField
      label={t('desk.settings.defaultTeam')}
      name="defaultTeam"
      value={props.defaultTeamId ?? ''}
      onChange={(value) => props.onChange(() => ({ defaultTeamId: value || undefined }))}
      options={[{ value: '', label: t('desk.settings.defaultTeamNone') }, ...props.teams.map((team, index) => ({ value: team.id, label: name(index) }))]}
    />
    <p class="field-hint">{t('desk.settings.defaultTeamHint')}</p>
  </section>
  );
}
