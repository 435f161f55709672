import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Contact } from '../../api/types';
import { ErrorAlert, Notice } from '../../kit/alert';
import { ContactForm, contactName, toContactPatch } from './contact-form';
import { ListFooter } from '../../kit/list-footer';
import { createPagedList } from '../../kit/paged-list';
import { DeleteButton, DeleteRecord, RecordCard, RecordPage, RecordView, useRecord } from '../../kit/record-view';
import { createSubmission } from '../../kit/submission';
import { formatDate } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

function ContactAccounts(props: { contactId: string }) {
  const list = createPagedList((id: string, cursor) => api.contacts.accounts(id, { cursor, limit: 50 }));
  onMount(() => void list.load(props.contactId));
  return (
    <section class="stack" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('nav.accounts')}</h2>
      <Show when={list.loaded() && list.items().length === 0}>
        <p class="empty">{t('crm.contacts.noAccounts')}</p>
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
    if (await submission.run((key) => api.contacts.invite(props.contact.id, key))) setSent(t('crm.contacts.invited', { email }));
  };
  return (
    <section class="card" aria-labelledby="portal-title">
      <h2 id="portal-title">{t('crm.contacts.portalAccess')}</h2>
      <p>{props.contact.hasPortalAccess ? t('crm.contacts.hasAccess') : t('crm.contacts.noAccess')}</p>
      <Show when={props.contact.email} fallback={<p class="muted">{t('crm.contacts.needsEmail')}</p>}>
        <button type="button" class="button button-secondary" disabled={submission.busy()} onClick={() => void invite()}>
          {submission.busy() ? t('crm.contacts.inviting') : t('crm.contacts.invite')}
        </button>
      </Show>
      <ErrorAlert error={submission.error()} />
      <Notice message={sent()} />
    </section>
  );
}

function ContactDetails(props: { contact: Contact }) {
  return (
    <dl class="details">
      <dt>{t('crm.contacts.jobTitle')}</dt>
      <dd>{props.contact.title ?? t('common.none')}</dd>
      <dt>{t('common.email')}</dt>
      <dd>{props.contact.email ?? t('common.none')}</dd>
      <dt>{t('common.phone')}</dt>
      <dd>{props.contact.phone ?? t('common.none')}</dd>
      <dt>{t('common.updated')}</dt>
      <dd>{formatDate(props.contact.updatedAt)}</dd>
    </dl>
  );
}

function ContactView(props: { id: string; onLoaded: (contact: Contact) => void }) {
  const contact = useRecord(() => api.contacts.get(props.id), (loaded) => props.onLoaded(loaded));
  const [deleting, setDeleting] = createSignal(false);

  return (
    <RecordView record={contact}>
      {(current) => (
        <>
          <RecordCard
            record={contact}
            title={t('common.details')}
            editTitle={t('crm.contacts.editTitle')}
            actions={<DeleteButton onClick={() => setDeleting(true)} />}
            details={<ContactDetails contact={current()} />}
            form={(base, edit) => (
              <ContactForm contact={base} {...edit} onSubmit={(values) => void contact.save.submit(async () => contact.show(await api.contacts.update(base.id, base.version, toContactPatch(values))))} />
            )}
          />
          <PortalAccess contact={current()} />
          <ContactAccounts contactId={current().id} />
          <DeleteRecord
            open={deleting()}
            title={t('crm.contacts.deleteTitle')}
            message={t('crm.contacts.deleteConfirm', { name: contactName(current()) })}
            onClose={() => setDeleting(false)}
            remove={() => api.contacts.remove(current().id, current().version)}
            afterHref="/contacts/"
          />
        </>
      )}
    </RecordView>
  );
}

export function ContactPage() {
  return (
    <RecordPage current="contacts" titleKey="nav.contacts" backHref="/contacts/" backLabel={t('nav.contacts')}>
      {(id, setHeading) => <ContactView id={id} onLoaded={(contact) => setHeading(contactName(contact))} />}
    </RecordPage>
  );
}
