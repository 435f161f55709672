import { createSignal, lazy, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Account, AccountContact, Contact } from '../../api/types';
import { AccountForm, toAccountPatch } from './account-form';
import { ErrorAlert, MessageAlert } from '../../kit/alert';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { DetailRow } from '../../kit/detail-row';
import { contactName } from './contact-form';
import { Field } from '../../kit/field';
import { createPagedList } from '../../kit/paged-list';
import { PagedTable } from '../../kit/paged-table';
import { DeleteButton, DeleteRecord, RecordCard, RecordPage, RecordView, useRecord } from '../../kit/record-view';
import { SearchPicker } from '../../kit/search-picker';
import { createSubmission } from '../../kit/submission';
import { Timeline } from './timeline';
import { formatDate } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

// The related lists carry the sales, commerce and desk words: loaded after the account, beside it.
const AccountRelated = lazy(() => import('./account-related'));

function Details(props: { account: Account }) {
  return (
    <dl class="details">
      <DetailRow label={t('crm.accounts.industry')} value={props.account.industry} />
      <dt>{t('crm.accounts.website')}</dt>
      <dd>
        <Show when={props.account.website} fallback={t('common.none')}>
          {(url) => (
            <a href={url()} rel="noopener noreferrer" target="_blank">
              {url()}
            </a>
          )}
        </Show>
      </dd>
      <DetailRow label={t('common.email')} value={props.account.email} />
      <DetailRow label={t('common.phone')} value={props.account.phone} />
      <DetailRow label={t('crm.accounts.address')} value={props.account.address} />
      <DetailRow label={t('crm.accounts.tags')} value={props.account.tags.join(', ')} />
      <DetailRow label={t('common.created')} value={formatDate(props.account.createdAt)} />
      <DetailRow label={t('common.updated')} value={formatDate(props.account.updatedAt)} />
    </dl>
  );
}

function LinkContactForm(props: { accountId: string; onLinked: (link: AccountContact) => void }) {
  const [selected, setSelected] = createSignal<Contact>();
  const [role, setRole] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const submission = createSubmission();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const contact = selected();
    if (!contact) return setProblem(t('crm.accounts.findContact'));
    const ok = await submission.run(async () => props.onLinked(await api.accounts.linkContact(props.accountId, contact.id, role().trim())));
    if (ok) {
      setSelected(undefined);
      setRole('');
    }
  };
  return (
    <section class="card" aria-labelledby="link-contact-title">
      <h3 id="link-contact-title">{t('crm.accounts.linkContact')}</h3>
      <SearchPicker<Contact>
        label={t('crm.accounts.findContact')}
        search={(q, cursor) => api.contacts.list({ q, cursor, limit: 10 })}
        noMatch={(q) => t('crm.contacts.noMatch', { q })}
        itemName={contactName}
        detail={(contact) => (
          <Show when={contact.email}>
            <span class="muted"> {contact.email}</span>
          </Show>
        )}
        selectedId={selected()?.id}
        onSelect={setSelected}
      />
      <form class="form" onSubmit={(e) => void submit(e)}>
        <Show when={selected()}>{(contact) => <p role="status">{t('common.selected', { name: contactName(contact()) })}</p>}</Show>
        <Field label={t('crm.accounts.role')} name="role" required maxLength={60} hint={t('crm.accounts.roleHint')} value={role()} onInput={setRole} />
        <MessageAlert message={problem()} />
        <ErrorAlert error={submission.error()} />
        <button type="submit" class="button button-primary" disabled={submission.busy()}>
          {t('crm.accounts.link')}
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
      <h2 id="contacts-title">{t('nav.contacts')}</h2>
      <PagedTable
        list={list}
        noBusy
        empty={t('crm.accounts.noContacts')}
        columns={[t('common.name'), t('crm.accounts.role'), t('common.email'), { label: <span class="visually-hidden">{t('common.actions')}</span> }]}
        row={(link) => (
          <>
            <th scope="row">
              <a href={`/contact/?id=${encodeURIComponent(link.contactId)}`}>{link.contactName}</a>
            </th>
            <td>{link.role}</td>
            <td>{link.contactEmail ?? t('common.none')}</td>
            <td>
              <button type="button" class="button button-ghost" aria-label={`${t('crm.accounts.unlink')}: ${link.contactName}`} onClick={() => setUnlinking(link)}>
                {t('crm.accounts.unlink')}
              </button>
            </td>
          </>
        )}
      />
      <LinkContactForm accountId={props.account.id} onLinked={upsert} />
      <ConfirmDialog
        open={unlinking() !== undefined}
        title={t('crm.accounts.unlinkTitle')}
        message={t('crm.accounts.unlinkConfirm', { contact: unlinking()?.contactName ?? '', account: props.account.name })}
        confirmLabel={t('crm.accounts.unlink')}
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
  const account = useRecord(() => api.accounts.get(props.id), (loaded) => props.onLoaded(loaded));
  const [deleting, setDeleting] = createSignal(false);

  return (
    <RecordView record={account}>
      {(current) => (
        <>
          <RecordCard
            record={account}
            title={t('common.details')}
            editTitle={t('crm.accounts.editTitle')}
            actions={<DeleteButton onClick={() => setDeleting(true)} />}
            details={<Details account={current()} />}
            form={(base, edit) => (
              <AccountForm account={base} {...edit} onSubmit={(values) => void account.save.submit(async () => account.show(await api.accounts.update(base.id, base.version, toAccountPatch(values))))} />
            )}
          />
          <AccountContacts account={current()} />
          <AccountRelated accountId={current().id} />
          <Timeline accountId={current().id} />
          <DeleteRecord
            open={deleting()}
            title={t('crm.accounts.deleteTitle')}
            message={t('crm.accounts.deleteConfirm', { name: current().name })}
            onClose={() => setDeleting(false)}
            remove={() => api.accounts.remove(current().id, current().version)}
            afterHref="/accounts/"
          />
        </>
      )}
    </RecordView>
  );
}

export function AccountPage() {
  return (
    <RecordPage current="accounts" titleKey="nav.accounts" backHref="/accounts/" backLabel={t('nav.accounts')}>
      {(id, setHeading) => <AccountView id={id} onLoaded={(account) => setHeading(account.name)} />}
    </RecordPage>
  );
}
