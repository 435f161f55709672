import { createSignal } from 'solid-js';
import { api } from '../../api/endpoints';
import { ContactForm, contactName, toContactCreate } from './contact-form';
import { CreateDialog, ListToolbar } from '../../kit/create-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { SearchBox } from '../../kit/search-box';
import { StaffShell } from '../../kit/staff-shell';
import { t } from '../../kit/i18n';

function ContactsList() {
  const [creating, setCreating] = createSignal(false);
  const { list, params: query, choose: search } = usePagedList('', (q: string, cursor) => api.contacts.list({ q, cursor, limit: 25 }));
  return (
    <div class="stack">
      <ListToolbar newLabel={t('contacts.new')} onNew={() => setCreating(true)}>
        <SearchBox label={t('contacts.search')} hint={t('accounts.searchHint')} onSearch={search} />
      </ListToolbar>
      <PagedTable
        list={list}
        empty={query() ? t('contacts.noMatch', { q: query() }) : t('contacts.empty')}
        columns={[t('common.name'), t('contacts.jobTitle'), t('common.email'), t('common.phone')]}
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
        title={t('contacts.new')}
        submitLabel={t('contacts.create')}
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
    <StaffShell current="contacts" titleKey="contacts.title">
      {() => <ContactsList />}
    </StaffShell>
  );
}
