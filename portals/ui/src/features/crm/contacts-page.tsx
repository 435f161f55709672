import { createSignal } from 'solid-js';
import { api } from '../../api/endpoints';
import { ContactForm, contactName, toContactCreate } from './contact-form';
import { CreateDialog, ListToolbar } from '../../kit/create-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { SearchBox } from '../../kit/search-box';
import { StaffShell } from '../../kit/staff-shell';
import { t } from '../../kit/i18n';
import './texts';

function ContactsList() {
  const [creating, setCreating] = createSignal(false);
  const { list, params: query, choose: search } = usePagedList('', (q: string, cursor) => api.contacts.list({ q, cursor, limit: 25 }));
  return (
    <div class="stack">
      <ListToolbar newLabel={t('crm.contacts.new')} onNew={() => setCreating(true)}>
        <SearchBox label={t('crm.contacts.search')} hint={t('accounts.searchHint')} onSearch={search} />
      </ListToolbar>
      <PagedTable
        list={list}
        empty={query() ? t('crm.contacts.noMatch', { q: query() }) : t('crm.contacts.empty')}
        columns={[t('common.name'), t('crm.contacts.jobTitle'), t('common.email'), t('common.phone')]}
        row={(contact) => (
          <>
            <th scope="row">
              <a href={`/contact/?id=${encodeURIComponent(contact.id)}`}>{contactName(contact)}</a>
            </th>
            <td>{contact.title ?? t('common.none')}</td>
            <td>{contact.email ?? t('common.none')}</td>
            <td>{contact.phone ?? t('common.none')}</td>
          </>
        )}
      />
      <CreateDialog
        open={creating()}
        onClose={() => setCreating(false)}
        title={t('crm.contacts.new')}
        submitLabel={t('crm.contacts.create')}
        form={ContactForm}
        create={async (values, key) => {
          const contact = await api.contacts.create(toContactCreate(values), key);
          return `/contact/?id=${encodeURIComponent(contact.id)}`;
        }}
      />
    </div>
  );
}

export function ContactsPage() {
  return (
    <StaffShell current="contacts" titleKey="nav.contacts">
      {() => <ContactsList />}
    </StaffShell>
  );
}
