import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../api/endpoints';
import type { Contact } from '../api/types';
import { ErrorAlert, Loading, MessageAlert, Notice } from '../components/alert';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ContactForm, contactName, toContactPatch } from '../components/contact-form';
import { ListFooter } from '../components/list-footer';
import { createPagedList } from '../components/paged-list';
import { StaffShell } from '../components/staff-shell';
import { createSubmission } from '../components/submission';
import { isConflict } from '../errors';
import { formatDate } from '../format';
import { t } from '../i18n';
import { queryParam } from '../navigation';

function ContactAccounts(props: { contactId: string }) {
  const list = createPagedList((id: string, cursor) => api.contacts.accounts(id, { cursor, limit: 50 }));
  onMount(() => void list.load(props.contactId));
  return (
    <section class="stack" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('contacts.accounts')}</h2>
      <Show when={list.loaded() && list.items().length === 0}>
        <p class="empty">{t('contacts.noAccounts')}</p>
      </Show>
      <ul class="plain-list">
        <For each={list.items()}>
          {(link) => (
            <li>
              <a href={`/account/?id=${encodeURIComponent(link.accountId)}`}>{link.accountName}</a> — {link.role}
            </li>
          )}
        </For>
      </ul>
      <ListFooter loading={list.loading()} error={list.error()} hasMore={list.nextCursor() !== null} onMore={() => void list.loadMore()} />
    </section>
  );
}

function PortalAccess(props: { contact: Contact }) {
  const submission = createSubmission();
  const [sent, setSent] = createSignal<string>();
  const invite = async () => {
    const email = props.contact.email;
    if (!email) return;
    if (await submission.run((key) => api.contacts.invite(props.contact.id, key))) setSent(t('contacts.invited', { email }));
  };
  return (
    <section class="card" aria-labelledby="portal-title">
      <h2 id="portal-title">{t('contacts.portalAccess')}</h2>
      <p>{props.contact.hasPortalAccess ? t('contacts.hasAccess') : t('contacts.noAccess')}</p>
      <Show when={props.contact.email} fallback={<p class="muted">{t('contacts.needsEmail')}</p>}>
        <button type="button" class="button button-secondary" disabled={submission.busy()} onClick={() => void invite()}>
          {submission.busy() ? t('contacts.inviting') : t('contacts.invite')}
        </button>
      </Show>
      <ErrorAlert error={submission.error()} />
      <Notice message={sent()} />
    </section>
  );
}

function ContactView(props: { id: string; onLoaded: (contact: Contact) => void }) {
  const [contact, setContact] = createSignal<Contact>();
  const [loadError, setLoadError] = createSignal<unknown>();
  const [editing, setEditing] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const [saved, setSaved] = createSignal<string>();
  const save = createSubmission();

  const fetchContact = async () => {
    setLoadError(undefined);
    try {
      const loaded = await api.contacts.get(props.id);
      setContact(loaded);
      props.onLoaded(loaded);
    } catch (error) {
      setLoadError(error);
    }
  };
  onMount(() => void fetchContact());

  return (
    <Show when={contact()} fallback={<Show when={loadError()} fallback={<Loading />}>{<ErrorAlert error={loadError()} onRetry={() => void fetchContact()} />}</Show>}>
      {(current) => (
        <div class="stack">
          <Notice message={saved()} />
          <section class="card" aria-labelledby="details-title">
            <div class="section-header">
              <h2 id="details-title">{editing() ? t('contacts.editTitle') : t('accounts.details')}</h2>
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
            <Show
              when={editing()}
              fallback={
                <dl class="details">
                  <dt>{t('contacts.jobTitle')}</dt>
                  <dd>{current().title ?? t('common.none')}</dd>
                  <dt>{t('common.email')}</dt>
                  <dd>{current().email ?? t('common.none')}</dd>
                  <dt>{t('common.phone')}</dt>
                  <dd>{current().phone ?? t('common.none')}</dd>
                  <dt>{t('common.updated')}</dt>
                  <dd>{formatDate(current().updatedAt)}</dd>
                </dl>
              }
            >
              {/* Keyed on the record so a reload after a conflict refills the form. */}
              <Show when={current()} keyed>
                {(base) => (
                  <ContactForm
                    contact={base}
                    busy={save.busy()}
                    submitLabel={t('common.save')}
                    onSubmit={(values) =>
                      void save.run(async () => {
                        const updated = await api.contacts.update(base.id, base.version, toContactPatch(values));
                        setContact(updated);
                        props.onLoaded(updated);
                        setEditing(false);
                        setSaved(t('common.saved'));
                      })
                    }
                  >
                    <ErrorAlert error={save.error()} />
                    <Show when={isConflict(save.error())}>
                      <button type="button" class="button button-secondary" onClick={() => { save.setError(undefined); void fetchContact(); }}>
                        {t('common.reload')}
                      </button>
                    </Show>
                    <button type="button" class="button button-ghost" onClick={() => { save.setError(undefined); setEditing(false); }}>
                      {t('common.cancel')}
                    </button>
                  </ContactForm>
                )}
              </Show>
            </Show>
          </section>
          <PortalAccess contact={current()} />
          <ContactAccounts contactId={current().id} />
          <ConfirmDialog
            open={deleting()}
            title={t('contacts.deleteTitle')}
            message={t('contacts.deleteConfirm', { name: contactName(current()) })}
            confirmLabel={t('common.delete')}
            onClose={() => setDeleting(false)}
            onConfirm={async () => {
              await api.contacts.remove(current().id, current().version);
              window.location.assign('/contacts/');
            }}
          />
        </div>
      )}
    </Show>
  );
}

export function ContactPage() {
  const [id, setId] = createSignal<string | null>();
  const [name, setName] = createSignal<string>();
  onMount(() => setId(queryParam('id')));
  return (
    <StaffShell current="contacts" titleKey="contacts.title" heading={name()}>
      {() => (
        <>
          <p>
            <a href="/contacts/">← {t('nav.contacts')}</a>
          </p>
          <Show when={id() !== undefined}>
            <Show when={id()} fallback={<MessageAlert message={t('error.not_found')} />}>
              {(contactId) => <ContactView id={contactId()} onLoaded={(contact) => setName(contactName(contact))} />}
            </Show>
          </Show>
        </>
      )}
    </StaffShell>
  );
}
