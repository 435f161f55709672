import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/alert';
import { ContactForm, contactName, toContactCreate } from '../components/contact-form';
import { Dialog } from '../components/dialog';
import { ListFooter } from '../components/list-footer';
import { createPagedList } from '../components/paged-list';
import { SearchBox } from '../components/search-box';
import { StaffShell } from '../components/staff-shell';
import { createSubmission } from '../components/submission';
import { t } from '../i18n';

function CreateContactDialog(props: { open: boolean; onClose: () => void }) {
  const submission = createSubmission();
  return (
    <Dialog open={props.open} title={t('contacts.new')} onClose={props.onClose}>
      <ContactForm
        busy={submission.busy()}
        submitLabel={t('contacts.create')}
        onSubmit={(values) =>
          void submission.run(async (key) => {
            const contact = await api.contacts.create(toContactCreate(values), key);
            window.location.assign(`/contact/?id=${encodeURIComponent(contact.id)}`);
          })
        }
      >
        <ErrorAlert error={submission.error()} />
      </ContactForm>
    </Dialog>
  );
}

function ContactsList() {
  const [query, setQuery] = createSignal('');
  const [creating, setCreating] = createSignal(false);
  const list = createPagedList((q: string, cursor) => api.contacts.list({ q, cursor, limit: 25 }));
  const search = (q: string) => {
    setQuery(q);
    void list.load(q);
  };
  onMount(() => search(''));
  return (
    <div class="stack">
      <div class="toolbar">
        <SearchBox label={t('contacts.search')} hint={t('accounts.searchHint')} onSearch={search} />
        <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
          {t('contacts.new')}
        </button>
      </div>
      <Show when={list.loaded() && list.items().length === 0 && !list.loading()}>
        <p class="empty">{query() ? t('contacts.noMatch', { q: query() }) : t('contacts.empty')}</p>
      </Show>
      <Show when={list.items().length > 0}>
        <table class="table" aria-busy={list.loading()}>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('contacts.jobTitle')}</th>
              <th scope="col">{t('common.email')}</th>
              <th scope="col">{t('common.phone')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={list.items()}>
              {(contact) => (
                <tr>
                  <th scope="row">
                    <a href={`/contact/?id=${encodeURIComponent(contact.id)}`}>{contactName(contact)}</a>
                  </th>
                  <td>{contact.title ?? t('common.none')}</td>
                  <td>{contact.email ?? t('common.none')}</td>
                  <td>{contact.phone ?? t('common.none')}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <ListFooter loading={list.loading()} error={list.error()} hasMore={list.nextCursor() !== null} onMore={() => void list.loadMore()} />
      <CreateContactDialog open={creating()} onClose={() => setCreating(false)} />
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
