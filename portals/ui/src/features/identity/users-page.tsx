import { createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { STAFF_ROLE_OPTIONS, type AdminUser, type Audience, type Locale, type StaffRole } from '../../api/types';
import { ErrorAlert, MessageAlert, Notice } from '../../kit/alert';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { Dialog } from '../../kit/dialog';
import { Field, SelectField } from '../../kit/field';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { ListToolbar } from '../../kit/create-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { RoleCheckboxes } from './role-checkboxes';
import { StaffShell } from '../../kit/staff-shell';
import { isConflict } from '../../kit/errors';
import { isLocale, locale, LOCALE_OPTIONS, t, type MessageKey } from '../../kit/i18n';
import { isAdmin } from '../../kit/session';
import './texts';

const AUDIENCE_FILTERS = ['', 'staff', 'customer', 'partner', 'investor'] as const;

function staffRoles(user: AdminUser): StaffRole[] {
  return STAFF_ROLE_OPTIONS.filter((role) => user.roles.includes(role));
}

function roleNames(user: AdminUser): string {
  return user.roles.map((role) => (STAFF_ROLE_OPTIONS.includes(role as StaffRole) ? t(`identity.role.${role as StaffRole}`) : role)).join(', ');
}

function CreateUserDialog(props: { open: boolean; onClose: () => void; onCreated: (user: AdminUser) => void }) {
  const [email, setEmail] = createSignal('');
  const [name, setName] = createSignal('');
  const [roles, setRoles] = createSignal<StaffRole[]>([]);
  const [password, setPassword] = createSignal('');
  const [preferred, setPreferred] = createSignal<Locale>(locale());
  const form = createDialogForm(() => props.onClose());

  const submit = form.onSubmit(async () => {
    const [first, ...rest] = roles();
    if (!first) return form.setProblem(t('identity.users.rolesHint'));
    if (password() && password().length < 10) return form.setProblem(t('identity.auth.passwordTooShort'));
    await form.submission.run(async (key) => {
      const created = await api.users.create(
        { email: email().trim(), name: name().trim(), roles: [first, ...rest], password: password() || undefined, locale: preferred() },
        key,
      );
      props.onCreated(created);
    });
  });

  return (
    <Dialog open={props.open} title={t('identity.users.new')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <Field label={t('common.name')} name="name" required autofocus maxLength={120} value={name()} onInput={setName} />
        <Field label={t('common.email')} name="email" type="email" autocomplete="off" required value={email()} onInput={setEmail} />
        <RoleCheckboxes value={roles()} onChange={setRoles} />
        <Field
          label={t('identity.auth.password')}
          name="password"
          type="password"
          autocomplete="new-password"
          hint={t('identity.users.passwordOptionalHint')}
          value={password()}
          onInput={setPassword}
        />
        <SelectField
          label={t('identity.profile.locale')}
          value={preferred()}
          onChange={(value) => isLocale(value) && setPreferred(value)}
          options={LOCALE_OPTIONS.map((option) => ({ value: option, label: t(`locale.${option}`) }))}
        />
        <FormFooter problem={form.problem()} submission={form.submission} label={t('identity.users.create')} />
      </form>
    </Dialog>
  );
}

function RolesDialog(props: { user: AdminUser | undefined; onClose: () => void; onSaved: (user: AdminUser) => void; onStale: () => void }) {
  return (
    <Dialog open={props.user !== undefined} title={t('identity.users.editRolesTitle', { name: props.user?.name ?? '' })} onClose={props.onClose}>
      <Show when={props.user}>
        {(user) => {
          const [roles, setRoles] = createSignal(staffRoles(user()));
          const form = createDialogForm(() => props.onClose());
          const submission = form.submission;
          const submit = form.onSubmit(async () => {
            const [first, ...rest] = roles();
            if (!first) return form.setProblem(t('identity.users.rolesHint'));
            await submission.run(async () => props.onSaved(await api.users.update(user().id, user().version, { roles: [first, ...rest] })));
          });
          return (
            <form class="form" onSubmit={submit}>
              <RoleCheckboxes value={roles()} onChange={setRoles} />
              <MessageAlert message={form.problem()} />
              <ErrorAlert error={submission.error()} />
              <div class="actions">
                <Show when={isConflict(submission.error())}>
                  <button type="button" class="button button-secondary" onClick={() => props.onStale()}>
                    {t('common.reload')}
                  </button>
                </Show>
                <button type="submit" class="button button-primary" disabled={submission.busy()}>
                  {submission.busy() ? t('common.saving') : t('common.save')}
                </button>
              </div>
            </form>
          );
        }}
      </Show>
    </Dialog>
  );
}

function UsersAdmin() {
  const [creating, setCreating] = createSignal(false);
  const [editing, setEditing] = createSignal<AdminUser>();
  const [disabling, setDisabling] = createSignal<AdminUser>();
  const [notice, setNotice] = createSignal<string>();
  const [rowError, setRowError] = createSignal<unknown>();
  const { list, params: audience, choose } = usePagedList<AdminUser, Audience | ''>('staff', (filter, cursor) =>
    api.users.list({ audience: filter || undefined, cursor, limit: 25 }),
  );

  const replace = (user: AdminUser) => list.setItems((items) => items.map((item) => (item.id === user.id ? user : item)));
  const setDisabled = async (user: AdminUser, disabled: boolean) => {
    setRowError(undefined);
    replace(await api.users.update(user.id, user.version, { disabled }));
  };
  const enable = (user: AdminUser) => setDisabled(user, false).catch(setRowError);

  return (
    <div class="stack">
      <ListToolbar newLabel={t('identity.users.new')} onNew={() => { setNotice(undefined); setCreating(true); }}>
        <SelectField
          label={t('common.show')}
          value={audience()}
          onChange={(value) => choose(AUDIENCE_FILTERS.find((option) => option === value) ?? '')}
          options={AUDIENCE_FILTERS.map((option) => ({ value: option, label: option ? t(`identity.users.show.${option}` as MessageKey) : t('identity.users.allAudiences') }))}
        />
      </ListToolbar>
      <Notice message={notice()} />
      <ErrorAlert error={rowError()} onRetry={() => { setRowError(undefined); void list.reload(); }} />
      <PagedTable
        list={list}
        noBusy
        empty={t('identity.users.empty')}
        columns={[t('common.name'), t('common.email'), t('identity.users.roles'), t('identity.users.audiences'), t('common.status'), t('common.actions')]}
        row={(user) => (
          <>
            <th scope="row">{user.name}</th>
            <td>{user.email}</td>
            <td>{roleNames(user) || t('common.none')}</td>
            <td>{user.audiences.map((a) => t(`audience.${a}`)).join(', ')}</td>
            <td>
              <span class={`badge status-${user.status}`}>{t(`identity.status.${user.status}`)}</span>
            </td>
            <td class="row-actions">
              <Show when={user.audiences.includes('staff')}>
                <button type="button" class="button button-ghost" aria-label={`${t('identity.users.editRoles')}: ${user.name}`} onClick={() => setEditing(user)}>
                  {t('identity.users.editRoles')}
                </button>
              </Show>
              <Show
                when={user.status === 'disabled'}
                fallback={
                  <button type="button" class="button button-ghost" aria-label={`${t('identity.users.disable')}: ${user.name}`} onClick={() => setDisabling(user)}>
                    {t('identity.users.disable')}
                  </button>
                }
              >
                <button type="button" class="button button-ghost" aria-label={`${t('identity.users.enable')}: ${user.name}`} onClick={() => void enable(user)}>
                  {t('identity.users.enable')}
                </button>
              </Show>
            </td>
          </>
        )}
      />
      <CreateUserDialog
        open={creating()}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          list.setItems((items) => [user, ...items]);
          setCreating(false);
          setNotice(t('identity.users.created', { email: user.email }));
        }}
      />
      <RolesDialog
        user={editing()}
        onClose={() => setEditing(undefined)}
        onSaved={(user) => {
          replace(user);
          setEditing(undefined);
        }}
        onStale={() => {
          setEditing(undefined);
          void list.reload();
        }}
      />
      <ConfirmDialog
        open={disabling() !== undefined}
        title={t('identity.users.disableTitle')}
        message={t('identity.users.disableConfirm', { name: disabling()?.name ?? '' })}
        confirmLabel={t('identity.users.disable')}
        onClose={() => setDisabling(undefined)}
        onConfirm={async () => {
          const user = disabling();
          if (user) await setDisabled(user, true);
        }}
      />
    </div>
  );
}

export function UsersPage() {
  return (
    <StaffShell current="users" titleKey="nav.users">
      {(user) => (
        <Show when={isAdmin(user)} fallback={<MessageAlert message={t('identity.users.adminOnly')} />}>
          <UsersAdmin />
        </Show>
      )}
    </StaffShell>
  );
}
