import { createSignal, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Account, AccountContact, Contact } from '../../api/types';
import { AccountForm, toAccountPatch } from './account-form';
import { ErrorAlert, MessageAlert } from '../../kit/alert';
import { ConfirmDialog } from '../../kit/confirm-dialog';
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
  const [selected, setSelected] = createSignal<Contact>();
  const [role, setRole] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const submission = createSubmission();
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
      <SearchPicker<Contact>
        label={t('accounts.findContact')}
        search={(q, cursor) => api.contacts.list({ q, cursor, limit: 10 })}
        noMatch={(q) => t('accounts.noContactMatch', { q })}
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
      <PagedTable
        list={list}
        noBusy
        empty={t('accounts.noContacts')}
        columns={[t('common.name'), t('accounts.role'), t('common.email'), { label: <span class="visually-hidden">{t('common.actions')}</span> }]}
        row={(link) => (
          <>
            <th scope="row">
              <a href={`/contact/?id=${encodeURIComponent(link.contactId)}`}>{link.contactName}</a>
            </th>
            <td>{link.role}</td>
            <td>{link.contactEmail ?? t('common.none')}</td>
            <td>
              <button type="button" class="button button-ghost" aria-label={`${t('accounts.unlink')}: ${link.contactName}`} onClick={() => setUnlinking(link)}>
                {t('accounts.unlink')}
              </button>
            </td>
          </>
        )}
      />
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
  const account = useRecord(() => api.accounts.get(props.id), (loaded) => props.onLoaded(loaded));
  const [deleting, setDeleting] = createSignal(false);

  return (
    <RecordView record={account}>
      {(current) => (
        <>
          <RecordCard
            record={account}
            title={t('accounts.details')}
            editTitle={t('accounts.editTitle')}
            actions={<DeleteButton onClick={() => setDeleting(true)} />}
            details={<Details account={current()} />}
            form={(base, edit) => (
              <AccountForm account={base} {...edit} onSubmit={(values) => void account.save.submit(async () => account.show(await api.accounts.update(base.id, base.version, toAccountPatch(values))))} />
            )}
          />
          <AccountContacts account={current()} />
          <Timeline accountId={current().id} />
          <DeleteRecord
            open={deleting()}
            title={t('accounts.deleteTitle')}
            message={t('accounts.deleteConfirm', { name: current().name })}
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
    <RecordPage current="accounts" titleKey="accounts.title" backHref="/accounts/" backLabel={t('nav.accounts')}>
      {(id, setHeading) => <AccountView id={id} onLoaded={(account) => setHeading(account.name)} />}
    </RecordPage>
  );
}
