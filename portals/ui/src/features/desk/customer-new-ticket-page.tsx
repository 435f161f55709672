import { createSignal, onCleanup, Show } from 'solid-js';
import { newIdempotencyKey } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Ticket } from '../../api/types';
import { Field } from '../../kit/field';
import { FormFooter } from '../../kit/form-footer';
import { createArticleSearch, HitList } from '../kb/kb';
import { PortalShell } from '../../kit/portal-shell';
import { createSubmission } from '../../kit/submission';
import { ticketUrl } from './ticket';
import { CategoryField } from './ticket-fields';
import { AttachmentPicker, createUploads } from './ticket-thread';
import { t } from '../../kit/i18n';
import './texts';

/** Wait this long after the last keystroke in the subject before looking for articles. */
const SUGGEST_DELAY_MS = 300;
/** Fewer letters than this say too little to search on. */
const SUGGEST_MIN_CHARS = 3;

/** Knowledge base articles that match the subject as it is typed: the question may be answered already. */
function Suggestions(props: { search: ReturnType<typeof createArticleSearch> }) {
  return (
    <div aria-live="polite">
      <Show when={(props.search.hits() ?? []).length > 0}>
        <section class="card suggestions" aria-labelledby="suggestions-title">
          <h2 id="suggestions-title">{t('desk.customer.suggestions')}</h2>
          <p class="muted">{t('desk.customer.suggestionsHint')}</p>
          <HitList hits={props.search.hits() ?? []} newTab />
        </section>
      </Show>
    </div>
  );
}

function NewTicketForm() {
  const [subject, setSubject] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [category, setCategory] = createSignal('');
  const [uploading, setUploading] = createSignal(false);
  const uploads = createUploads();
  const submission = createSubmission();
  const search = createArticleSearch();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  // Kept once created: retrying a failed upload must not open a second ticket.
  let created: Ticket | undefined;

  const typeSubject = (value: string) => {
    setSubject(value);
    clearTimeout(timer);
    timer = setTimeout(() => void search.search(value.trim().length >= SUGGEST_MIN_CHARS ? value : ''), SUGGEST_DELAY_MS);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void submission.run(async (key) => {
      created ??= await api.tickets.create(
        { subject: subject().trim(), description: description(), ...(category() ? { category: category() } : {}) },
        key,
      );
      if (uploads.uploads().length > 0) {
        setUploading(true);
        try {
          const attachmentIds = await uploads.start(created.id);
          // Files belong to a message: they go in one right after the description.
          await api.tickets.reply(created.id, { body: t('desk.attachments.newTicketMessage'), attachmentIds }, newIdempotencyKey());
        } finally {
          setUploading(false);
        }
      }
      window.location.assign(ticketUrl(created.id));
    });
  };
  return (
    <div class="stack">
      <p>
        <a href="/tickets/">← {t('nav.support')}</a>
      </p>
      <p>{t('desk.customer.newIntro')}</p>
      <form class="card form" onSubmit={submit}>
        <Field label={t('desk.ticket.subject')} name="subject" required autofocus maxLength={200} hint={t('desk.customer.subjectHint')} value={subject()} onInput={typeSubject} />
        <Suggestions search={search} />
        <Field label={t('desk.ticket.description')} name="description" required multiline maxLength={20_000} hint={t('desk.customer.descriptionHint')} value={description()} onInput={setDescription} />
        <CategoryField value={category()} onChange={setCategory} />
        <AttachmentPicker uploads={uploads} disabled={submission.busy()} />
        <FormFooter
          problem={undefined}
          submission={submission}
          label={t('desk.customer.create')}
          busyLabel={uploading() ? t('desk.customer.uploading') : t('common.sending')}
        />
      </form>
    </div>
  );
}

/**
 * "New ticket": subject (with matching knowledge base articles while typing), description,
 * category and files. No priority: the API leaves that to staff (a customer sending one is refused).
 */
export function CustomerNewTicketPage() {
  return (
    <PortalShell portal="customer" titleKey="nav.newTicket" auth="required" current="tickets">
      {() => <NewTicketForm />}
    </PortalShell>
  );
}
