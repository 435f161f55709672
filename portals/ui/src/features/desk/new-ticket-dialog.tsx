import { createEffect, createSignal, on, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type Account, type AccountContact, type TicketChannel, type TicketPriority } from '../../api/types';
import { Dialog } from '../../kit/dialog';
import { Field, SelectField } from '../../kit/field';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { AccountPicker } from '../../kit/search-picker';
import { severityOptions } from './service-desk';
import { channelLabel, priorityLabel, ticketUrl } from './ticket';
import { CategoryField } from './ticket-fields';
import { t } from '../../kit/i18n';
import './texts';

/** "New ticket" for a customer on the phone: the account (searched) and its contact, what they report, how urgent it is. */
export function NewTicketDialog(props: { open: boolean; onClose: () => void }) {
  const [account, setAccount] = createSignal<Account>();
  const [contacts, setContacts] = createSignal<AccountContact[]>([]);
  const [contactsFailed, setContactsFailed] = createSignal(false);
  const [contactId, setContactId] = createSignal('');
  const [subject, setSubject] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [priority, setPriority] = createSignal<TicketPriority>('normal');
  const [severity, setSeverity] = createSignal('');
  const [category, setCategory] = createSignal('');
  const [channel, setChannel] = createSignal<TicketChannel>('phone');
  const form = createDialogForm(() => props.onClose());

  // The chosen account's contacts: who is calling.
  createEffect(
    on(account, (chosen) => {
      setContacts([]);
      setContactId('');
      setContactsFailed(false);
      if (!chosen) return;
      api.accounts.contacts(chosen.id, { limit: 100 }).then(
        (page) => {
          if (account()?.id !== chosen.id) return;
          setContacts(page.items);
          setContactId(page.items[0]?.contactId ?? '');
        },
        () => setContactsFailed(true),
      );
    }),
  );
  const submit = form.onSubmit(async () => {
    const chosen = account();
    if (!chosen) return form.setProblem(t('desk.pickAccount'));
    await form.submission.run(async (key) => {
      const ticket = await api.tickets.create(
        {
          accountId: chosen.id,
          subject: subject().trim(),
          description: description(),
          channel: channel(),
          priority: priority(),
          ...(contactId() ? { contactId: contactId() } : {}),
          ...(severity() ? { severity: Number(severity()) as 1 | 2 | 3 | 4 } : {}),
          ...(category() ? { category: category() } : {}),
        },
        key,
      );
      window.location.assign(ticketUrl(ticket.id));
    });
  });
  return (
    <Dialog open={props.open} title={t('desk.newTitle')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <AccountPicker selected={account()} onSelect={setAccount} />
        <Show when={account()}>
          <SelectField
            label={t('desk.ticket.contact')}
            name="contactId"
            value={contactId()}
            onChange={setContactId}
            options={[...contacts().map((link) => ({ value: link.contactId, label: link.contactName })), { value: '', label: t('desk.noContact') }]}
          />
          <Show when={contactsFailed()}>
            <p class="muted">{t('desk.contactsFailed')}</p>
          </Show>
        </Show>
        <Field label={t('desk.ticket.subject')} name="subject" required maxLength={200} value={subject()} onInput={setSubject} />
        <Field label={t('desk.ticket.description')} name="description" required multiline maxLength={20_000} value={description()} onInput={setDescription} />
        <SelectField
          label={t('common.priority')}
          name="priority"
          value={priority()}
          onChange={(value) => setPriority(value as TicketPriority)}
          options={TICKET_PRIORITIES.map((value) => ({ value, label: priorityLabel(value) }))}
        />
        <SelectField label={t('desk.ticket.severity')} name="severity" value={severity()} onChange={setSeverity} options={severityOptions()} />
        <CategoryField value={category()} onChange={setCategory} />
        <SelectField
          label={t('desk.ticket.channel')}
          name="channel"
          value={channel()}
          onChange={(value) => setChannel(value as TicketChannel)}
          options={TICKET_CHANNELS.map((value) => ({ value, label: channelLabel(value) }))}
        />
        <FormFooter problem={form.problem()} submission={form.submission} label={t('desk.create')} busyLabel={t('common.creating')} />
      </form>
    </Dialog>
  );
}
