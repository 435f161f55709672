import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../api/endpoints';
import { AccountForm, toAccountCreate } from '../components/account-form';
import { ErrorAlert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { ListFooter } from '../components/list-footer';
import { createPagedList } from '../components/paged-list';
import { SearchBox } from '../components/search-box';
import { StaffShell } from '../components/staff-shell';
import { createSubmission } from '../components/submission';
import { formatDate } from '../format';
import { t } from '../i18n';

function CreateAccountDialog(props: { open: boolean; onClose: () => void }) {
  const submission = createSubmission();
  return (
    <Dialog open={props.open} title={t('accounts.new')} onClose={props.onClose}>
      <AccountForm
        busy={submission.busy()}
        submitLabel={t('accounts.create')}
        onSubmit={(values) =>
          void submission.run(async (key) => {
            const account = await api.accounts.create(toAccountCreate(values), key);
            window.location.assign(`/account/?id=${encodeURIComponent(account.id)}`);
          })
        }
      >
        <ErrorAlert error={submission.error()} />
      </AccountForm>
    </Dialog>
  );
}

function AccountsList() {
  const [query, setQuery] = createSignal('');
  const [creating, setCreating] = createSignal(false);
  const list = createPagedList((q: string, cursor) => api.accounts.list({ q, cursor, limit: 25 }));
  const search = (q: string) => {
    setQuery(q);
    void list.load(q);
  };
  onMount(() => search(''));
  return (
    <div class="stack">
      <div class="toolbar">
        <SearchBox label={t('accounts.search')} hint={t('accounts.searchHint')} onSearch={search} />
        <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
          {t('accounts.new')}
        </button>
      </div>
      <Show when={list.loaded() && list.items().length === 0 && !list.loading()}>
        <p class="empty">{query() ? t('accounts.noMatch', { q: query() }) : t('accounts.empty')}</p>
      </Show>
      <Show when={list.items().length > 0}>
        <table class="table" aria-busy={list.loading()}>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('accounts.industry')}</th>
              <th scope="col">{t('common.email')}</th>
              <th scope="col">{t('common.phone')}</th>
              <th scope="col">{t('common.updated')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={list.items()}>
              {(account) => (
                <tr>
                  <th scope="row">
                    <a href={`/account/?id=${encodeURIComponent(account.id)}`}>{account.name}</a>
                  </th>
                  <td>{account.industry ?? t('common.none')}</td>
                  <td>{account.email ?? t('common.none')}</td>
                  <td>{account.phone ?? t('common.none')}</td>
                  <td>{formatDate(account.updatedAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <ListFooter loading={list.loading()} error={list.error()} hasMore={list.nextCursor() !== null} onMore={() => void list.loadMore()} />
      <CreateAccountDialog open={creating()} onClose={() => setCreating(false)} />
    </div>
  );
}

export function AccountsPage() {
  return (
    <StaffShell current="accounts" titleKey="accounts.title">
      {() => <AccountsList />}
    </StaffShell>
  );
}
