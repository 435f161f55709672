import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../api/endpoints';
import type { Account, AccountContact, Contact } from '../api/types';
import { AccountForm, toAccountPatch } from '../components/account-form';
import { ErrorAlert, Loading, MessageAlert, Notice } from '../components/alert';
import { ConfirmDialog } from '../components/confirm-dialog';
import { contactName } from '../components/contact-form';
import { Field } from '../components/field';
import { ListFooter } from '../components/list-footer';
import { createPagedList } from '../components/paged-list';
import { SearchBox } from '../components/search-box';
import { StaffShell } from '../components/staff-shell';
import { createSubmission } from '../components/submission';
import { Timeline } from '../components/timeline';
import { isConflict } from '../errors';
import { formatDate } from '../format';
import { t } from '../i18n';
import { queryParam } from '../navigation';

function Details(props: { account: Account }) {
  const row = (label: string, value: string | undefined) => (
    <>
      <dt>{label}</dt>
      <dd>{value || t('common.none')}</dd>
    </>
  );
  return (
    <dl class="details">
      {row(t('accounts.industry'), props.account.industry)}
      <dt>{t('accounts.website')}</dt>
      <dd>
        <Show when={props.account.website} fallback={t('common.none')}>
          {(url) => (
            <a href={url()} rel="noopener noreferrer" target="_blank">
              {url()}
            </a>
          )}
        </Show>
      </dd>
      {row(t('common.email'), props.account.email)}
      {row(t('common.phone'), props.account.phone)}
      {row(t('accounts.address'), props.account.address)}
      {row(t('accounts.tags'), props.account.tags.join(', '))}
      {row(t('common.created'), formatDate(props.account.createdAt))}
      {row(t('common.updated'), formatDate(props.account.updatedAt))}
    </dl>
  );
}

function LinkContactForm(props: { accountId: string; onLinked: (link: AccountContact) => void }) {
  const [query, setQuery] = createSignal('');
  const [selected, setSelected] = createSignal<Contact>();
  const [role, setRole] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const results = createPagedList((q: string, cursor) => api.contacts.list({ q, cursor, limit: 10 }));
  const submission = createSubmission();
  const search = (q: string) => {
    setQuery(q);
    if (q) void results.load(q);
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const contact = selected();
    if (!contact) return setProblem(t('accounts.findContact'));
    const ok = await submission.run(async () => props.onLinked(await api.accounts.linkContact(props.accountId, contact.id, role().trim())));
    if (ok) {
      setSelected(undefined);
      setRole('');
    }
  };
  return (
    <section class="card" aria-labelledby="link-contact-title">
      <h3 id="link-contact-title">{t('accounts.linkContact')}</h3>
      <SearchBox label={t('accounts.findContact')} onSearch={search} />
      <Show when={query()}>
        <Show when={results.loaded() && results.items().length === 0 && !results.loading()}>
          <p class="empty">{t('accounts.noContactMatch', { q: query() })}</p>
        </Show>
        <ul class="pick-list">
          <For each={results.items()}>
            {(contact) => (
              <li>
                <button
                  type="button"
                  class="button button-secondary"
                  aria-pressed={selected()?.id === contact.id}
                  onClick={() => setSelected(contact)}
                >
                  {t('accounts.select', { name: contactName(contact) })}
                </button>
                <Show when={contact.email}>
                  <span class="muted"> {contact.email}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <ListFooter loading={results.loading()} error={results.error()} hasMore={results.nextCursor() !== null} onMore={() => void results.loadMore()} />
      </Show>
      <form class="form" onSubmit={(e) => void submit(e)}>
        <Show when={selected()}>{(contact) => <p role="status">{t('accounts.selected', { name: contactName(contact()) })}</p>}</Show>
        <Field label={t('accounts.role')} name="role" required maxLength={60} hint={t('accounts.roleHint')} value={role()} onInput={setRole} />
        <MessageAlert message={problem()} />
        <ErrorAlert error={submission.error()} />
        <button type="submit" class="button button-primary" disabled={submission.busy()}>
          {t('accounts.link')}
        </button>
      </form>
    </section>
  );
}

function AccountContacts(props: { account: Account }) {
  const list = createPagedList((id: string, cursor) => api.accounts.contacts(id, { cursor, limit: 50 }));
  const [unlinking, setUnlinking] = createSignal<AccountContact>();
  onMount(() => void list.load(props.account.id));
  const upsert = (link: AccountContact) =>
    list.setItems((items) => [link, ...items.filter((item) => item.contactId !== link.contactId)]);
  return (
    <section class="stack" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('accounts.contacts')}</h2>
      <Show when={list.loaded() && list.items().length === 0}>
        <p class="empty">{t('accounts.noContacts')}</p>
      </Show>
      <Show when={list.items().length > 0}>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('accounts.role')}</th>
              <th scope="col">{t('common.email')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={list.items()}>
              {(link) => (
                <tr>
                  <th scope="row">
                    <a href={`/contact/?id=${encodeURIComponent(link.contactId)}`}>{link.contactName}</a>
                  </th>
                  <td>{link.role}</td>
                  <td>{link.contactEmail ?? t('common.none')}</td>
                  <td>
                    <button
                      type="button"
                      class="button button-ghost"
                      aria-label={`${t('accounts.unlink')}: ${link.contactName}`}
                      onClick={() => setUnlinking(link)}
                    >
                      {t('accounts.unlink')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <ListFooter loading={list.loading()} error={list.error()} hasMore={list.nextCursor() !== null} onMore={() => void list.loadMore()} />
      <LinkContactForm accountId={props.account.id} onLinked={upsert} />
      <ConfirmDialog
        open={unlinking() !== undefined}
        title={t('accounts.unlinkTitle')}
        message={t('accounts.unlinkConfirm', { contact: unlinking()?.contactName ?? '', account: props.account.name })}
        confirmLabel={t('accounts.unlink')}
        onClose={() => setUnlinking(undefined)}
        onConfirm={async () => {
          const link = unlinking();
          if (!link) return;
          await api.accounts.unlinkContact(link.accountId, link.contactId);
          list.setItems((items) => items.filter((item) => item.contactId !== link.contactId));
        }}
      />
    </section>
  );
}

function AccountView(props: { id: string; onLoaded: (account: Account) => void }) {
  const [account, setAccount] = createSignal<Account>();
  const [loadError, setLoadError] = createSignal<unknown>();
  const [editing, setEditing] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const [saved, setSaved] = createSignal<string>();
  const save = createSubmission();

  const fetchAccount = async () => {
    setLoadError(undefined);
    try {
      const loaded = await api.accounts.get(props.id);
      setAccount(loaded);
      props.onLoaded(loaded);
    } catch (error) {
      setLoadError(error);
    }
  };
  onMount(() => void fetchAccount());

  const reloadAfterConflict = async () => {
    save.setError(undefined);
    await fetchAccount();
  };

  return (
    <Show when={account()} fallback={<Show when={loadError()} fallback={<Loading />}>{<ErrorAlert error={loadError()} onRetry={() => void fetchAccount()} />}</Show>}>
      {(current) => (
        <div class="stack">
          <Notice message={saved()} />
          <section class="card" aria-labelledby="details-title">
            <div class="section-header">
              <h2 id="details-title">{editing() ? t('accounts.editTitle') : t('accounts.details')}</h2>
              <Show when={!editing()}>
                <div class="actions">
                  <button type="button" class="button button-secondary" onClick={() => { setSaved(undefined); setEditing(true); }}>
                    {t('common.edit')}
                  </button>
                  <button type="button" class="button button-danger" onClick={() => setDeleting(true)}>
                    {t('common.delete')}
                  </button>
                </div>
              </Show>
            </div>
            <Show when={editing()} fallback={<Details account={current()} />}>
              {/* Keyed on the record so a reload after a conflict refills the form. */}
              <Show when={current()} keyed>
                {(base) => (
                  <AccountForm
                    account={base}
                    busy={save.busy()}
                    submitLabel={t('common.save')}
                    onSubmit={(values) =>
                      void save.run(async () => {
                        const updated = await api.accounts.update(base.id, base.version, toAccountPatch(values));
                        setAccount(updated);
                        props.onLoaded(updated);
                        setEditing(false);
                        setSaved(t('common.saved'));
                      })
                    }
                  >
                    <ErrorAlert error={save.error()} />
                    <Show when={isConflict(save.error())}>
                      <button type="button" class="button button-secondary" onClick={() => void reloadAfterConflict()}>
                        {t('common.reload')}
                      </button>
                    </Show>
                    <button type="button" class="button button-ghost" onClick={() => { save.setError(undefined); setEditing(false); }}>
                      {t('common.cancel')}
                    </button>
                  </AccountForm>
                )}
              </Show>
            </Show>
          </section>
          <AccountContacts account={current()} />
          <Timeline accountId={current().id} />
          <ConfirmDialog
            open={deleting()}
            title={t('accounts.deleteTitle')}
            message={t('accounts.deleteConfirm', { name: current().name })}
            confirmLabel={t('common.delete')}
            onClose={() => setDeleting(false)}
            onConfirm={async () => {
              await api.accounts.remove(current().id, current().version);
              window.location.assign('/accounts/');
            }}
          />
        </div>
      )}
    </Show>
  );
}

export function AccountPage() {
  const [id, setId] = createSignal<string | null>();
  const [name, setName] = createSignal<string>();
  onMount(() => setId(queryParam('id')));
  return (
    <StaffShell current="accounts" titleKey="accounts.title" heading={name()}>
      {() => (
        <>
          <p>
            <a href="/accounts/">← {t('nav.accounts')}</a>
          </p>
          <Show when={id() !== undefined}>
            <Show when={id()} fallback={<MessageAlert message={t('error.not_found')} />}>
              {(accountId) => <AccountView id={accountId()} onLoaded={(account) => setName(account.name)} />}
            </Show>
          </Show>
        </>
      )}
    </StaffShell>
  );
}
