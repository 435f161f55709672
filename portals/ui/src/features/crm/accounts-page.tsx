import { createSignal } from 'solid-js';
import { api } from '../../api/endpoints';
import { AccountForm, toAccountCreate } from './account-form';
import { CreateDialog, ListToolbar } from '../../kit/create-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { SearchBox } from '../../kit/search-box';
import { StaffShell } from '../../kit/staff-shell';
import { formatDate } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function AccountsList() {
  const [creating, setCreating] = createSignal(false);
  const { list, params: query, choose: search } = usePagedList('', (q: string, cursor) => api.accounts.list({ q, cursor, limit: 25 }));
  return (
    <div class="stack">
      <ListToolbar newLabel={t('crm.accounts.new')} onNew={() => setCreating(true)}>
        <SearchBox label={t('accounts.search')} hint={t('accounts.searchWordHint')} onSearch={search} />
      </ListToolbar>
      <PagedTable
        list={list}
        empty={query() ? t('accounts.noMatch', { q: query() }) : t('crm.accounts.empty')}
        columns={[t('common.name'), t('crm.accounts.industry'), t('common.email'), t('common.phone'), t('common.updated')]}
        row={(account) => (
          <>
            <th scope="row">
              <a href={`/account/?id=${encodeURIComponent(account.id)}`}>{account.name}</a>
            </th>
            <td>{account.industry ?? t('common.none')}</td>
            <td>{account.email ?? t('common.none')}</td>
            <td>{account.phone ?? t('common.none')}</td>
            <td>{formatDate(account.updatedAt)}</td>
          </>
        )}
      />
      <CreateDialog
        open={creating()}
        onClose={() => setCreating(false)}
        title={t('crm.accounts.new')}
        submitLabel={t('crm.accounts.create')}
        form={AccountForm}
        create={async (values, key) => {
          const account = await api.accounts.create(toAccountCreate(values), key);
          return `/account/?id=${encodeURIComponent(account.id)}`;
        }}
      />
    </div>
  );
}

export function AccountsPage() {
  return (
    <StaffShell current="accounts" titleKey="nav.accounts">
      {() => <AccountsList />}
    </StaffShell>
  );
}
