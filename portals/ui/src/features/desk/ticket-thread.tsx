import { createSignal, createUniqueId, For, Index, Show } from 'solid-js';
import { newIdempotencyKey } from '../../api/client';
import { api, putPresigned } from '../../api/endpoints';
import { ATTACHMENT_TYPE_OPTIONS, type Attachment, type CannedReply, type MessageVisibility, type Ticket, type TicketMessage } from '../../api/types';
import { formatNumber } from '../../kit/format';
import { type MessageKey, t } from '../../kit/i18n';
import { ErrorAlert, MessageAlert, Notice } from '../../kit/alert';
import { formatServiceTime } from './service-time';
import { createSubmission } from '../../kit/submission';
import { channelLabel } from './ticket';
import './texts';

// A ticket's conversation as both portals show it, and the reply box with its file uploads.

/** "1.2 MB", "340 KB" in the current locale. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function AttachmentLinks(props: { ticketId: string; attachments: Attachment[] }) {
  return (
    <Show when={props.attachments.length > 0}>
      <ul class="plain-list attachment-links">
        <For each={props.attachments}>
          {(attachment) => (
            <li>
              <a href={api.tickets.attachmentUrl(props.ticketId, attachment.id)}>
                {t('desk.attachments.download', { name: attachment.name, size: formatSize(attachment.size) })}
              </a>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function authorName(message: TicketMessage): string {
  return message.authorType === 'system' ? t('desk.ticket.author.system') : message.authorName;
}

type ThreadProps = {
  ticket: Ticket;
  messages: TicketMessage[];
  /** Who opened the ticket, shown on its description (the first entry). */
  openerName: string;
};

/**
 * The conversation, oldest first, starting with the ticket's description. Messages are plain
 * text and render as text. Internal notes (only staff ever receive them) stand apart: another
 * background and an "Internal note" label, so nobody mistakes one for what the customer read.
 */
export function Thread(props: ThreadProps) {
  return (
    <ol class="thread">
      <li class="message message-opening">
        <p class="message-meta">
          <strong>{props.openerName}</strong> · {t('desk.ticket.openedBy')} · <time datetime={props.ticket.createdAt}>{formatServiceTime(props.ticket.createdAt)}</time> ·{' '}
          {t('desk.ticket.via', { channel: channelLabel(props.ticket.channel) })}
        </p>
        <p class="message-body">{props.ticket.description}</p>
      </li>
      <For each={props.messages}>
        {(message) => (
          <li class="message" classList={{ 'message-internal': message.visibility === 'internal', 'message-staff': message.authorType === 'staff' }}>
            <Show when={message.visibility === 'internal'}>
              <p class="message-label">{t('desk.ticket.internalNote')}</p>
            </Show>
            <p class="message-meta">
              <strong>{authorName(message)}</strong> · <time datetime={message.createdAt}>{formatServiceTime(message.createdAt)}</time> ·{' '}
              {t('desk.ticket.via', { channel: channelLabel(message.channel) })}
            </p>
            <p class="message-body">{message.body}</p>
            <AttachmentLinks ticketId={props.ticket.id} attachments={message.attachments} />
          </li>
        )}
      </For>
    </ol>
  );
}

type UploadState = 'waiting' | 'uploading' | 'done' | 'failed';
type Upload = { key: string; file: File; state: UploadState; progress: number; attachmentId?: string; error?: unknown };

/**
 * The files of one message: each is announced to the API, then PUT to the presigned URL with
 * its progress shown; `start` uploads what is not uploaded yet and answers every file's id.
 */
export function createUploads() {
  const [uploads, setUploads] = createSignal<Upload[]>([]);
  // Uploads under way, so that a second `start` waits for them instead of sending the file again.
  const running = new Map<string, Promise<string>>();
  const patch = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const uploadOne = (ticketId: string, upload: Upload): Promise<string> => {
    if (upload.attachmentId) return Promise.resolve(upload.attachmentId);
    const pending = running.get(upload.key) ?? send(ticketId, upload).finally(() => running.delete(upload.key));
    running.set(upload.key, pending);
    return pending;
  };
  const send = async (ticketId: string, upload: Upload): Promise<string> => {
    patch(upload.key, { state: 'uploading', progress: 0, error: undefined });
    try {
      const { file } = upload;
      const announced = await api.tickets.announceAttachment(ticketId, { name: file.name, size: file.size, contentType: file.type || 'application/octet-stream' }, upload.key);
      await putPresigned(announced, file, (progress) => patch(upload.key, { progress }));
      patch(upload.key, { state: 'done', progress: 1, attachmentId: announced.attachmentId });
      return announced.attachmentId;
    } catch (error) {
      patch(upload.key, { state: 'failed', error });
      throw error;
    }
  };
  return {
    uploads,
    busy: () => uploads().some((item) => item.state === 'uploading'),
    add(files: FileList | null) {
      // The key doubles as the announcement's Idempotency-Key: a retry of the same file announces it once.
      const added = Array.from(files ?? [], (file): Upload => ({ key: newIdempotencyKey(), file, state: 'waiting', progress: 0 }));
      setUploads((list) => [...list, ...added]);
    },
    remove(key: string) {
      setUploads((list) => list.filter((item) => item.key !== key));
    },
    clear() {
      setUploads([]);
    },
    /** Uploads every file not uploaded yet (in parallel); rejects when one fails, which stays listed with its error. */
    async start(ticketId: string): Promise<string[]> {
      const results = await Promise.allSettled(uploads().map((item) => uploadOne(ticketId, item)));
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
      return results.map((result) => (result as PromiseFulfilledResult<string>).value);
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;

const STATE_TEXT: Record<UploadState, MessageKey> = {
  waiting: 'desk.attachments.waiting',
  uploading: 'desk.attachments.uploading',
  done: 'desk.attachments.done',
  failed: 'desk.attachments.failed',
};

/** The file input of a message and the files chosen, each with its upload progress and a "Remove" button. */
export function AttachmentPicker(props: { uploads: Uploads; onAdded?: () => void; disabled?: boolean }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>
        {t('desk.attachments.label')} <span class="field-optional">({t('common.optional')})</span>
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={ATTACHMENT_TYPE_OPTIONS.join(',')}
        aria-describedby={`${id}-hint`}
        disabled={props.disabled}
        onChange={(event) => {
          props.uploads.add(event.currentTarget.files);
          // Cleared so that choosing the same file again (after removing it) adds it again.
          event.currentTarget.value = '';
          props.onAdded?.();
        }}
      />
      <p class="field-hint" id={`${id}-hint`}>
        {t('desk.attachments.hint')}
      </p>
      <Show when={props.uploads.uploads().length > 0}>
        <ul class="plain-list uploads" aria-label={t('desk.attachments.list')}>
          <Index each={props.uploads.uploads()}>
            {(upload) => (
              <li class={`upload upload-${upload().state}`}>
                <span>
                  {upload().file.name} ({formatSize(upload().file.size)}) — <span role="status">{t(STATE_TEXT[upload().state])}</span>
                </span>
                <progress max="1" value={upload().progress} aria-label={t('desk.attachments.progress', { name: upload().file.name })} />
                <Show when={upload().state !== 'uploading'}>
                  <button type="button" class="button button-ghost" onClick={() => props.uploads.remove(upload().key)}>
                    {t('desk.attachments.remove', { name: upload().file.name })}
                  </button>
                </Show>
                <ErrorAlert error={upload().error} />
              </li>
            )}
          </Index>
        </ul>
      </Show>
    </div>
  );
}

/** A labelled textarea whose element the caller keeps (to insert a canned reply where the cursor is). */
function MessageBox(props: { label: string; value: string; onInput: (value: string) => void; ref: (element: HTMLTextAreaElement) => void }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        ref={(element) => props.ref(element)}
        rows={5}
        required
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </div>
  );
}

/** Staff choose between a public reply and an internal note, and may start from a canned reply. */
type StaffComposer = { cannedReplies: CannedReply[] };

type ComposerProps = {
  ticketId: string;
  staff?: StaffComposer;
  onPosted: (message: TicketMessage) => void;
};

/**
 * The reply box under a thread, with its files (uploaded as soon as they are chosen, the
 * ticket exists already; the message then references their ids). For staff, a toggle between
 * "Reply to customer" and "Internal note" that also changes the box's look and button.
 */
export function Composer(props: ComposerProps) {
  const [body, setBody] = createSignal('');
  const [visibility, setVisibility] = createSignal<MessageVisibility>('public');
  const [problem, setProblem] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  const uploads = createUploads();
  const submission = createSubmission();
  const groupName = createUniqueId();
  let box: HTMLTextAreaElement | undefined;
  const internal = () => !!props.staff && visibility() === 'internal';

  const insert = (text: string) => {
    const current = body();
    const start = box?.selectionStart ?? current.length;
    const end = box?.selectionEnd ?? current.length;
    setBody(current.slice(0, start) + text + current.slice(end));
    box?.focus();
    box?.setSelectionRange(start + text.length, start + text.length);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setNotice(undefined);
    if (uploads.busy()) return setProblem(t('desk.attachments.stillUploading'));
    const wasInternal = internal();
    void submission.run(async (key) => {
      const attachmentIds = await uploads.start(props.ticketId);
      const message = await api.tickets.reply(
        props.ticketId,
        { body: body(), ...(props.staff ? { visibility: visibility() } : {}), ...(attachmentIds.length > 0 ? { attachmentIds } : {}) },
        key,
      );
      setBody('');
      uploads.clear();
      setNotice(wasInternal ? t('desk.composer.noteAdded') : t('desk.composer.sent'));
      props.onPosted(message);
    });
  };
  return (
    <form class="card form composer" classList={{ 'composer-internal': internal() }} onSubmit={submit}>
      <Show when={props.staff}>
        {(staff) => (
          <>
            <fieldset class="composer-kind">
              <legend>{t('desk.composer.kind')}</legend>
              <label class="checkbox">
                <input type="radio" name={groupName} value="public" checked={visibility() === 'public'} onChange={() => setVisibility('public')} />
                {t('desk.composer.toCustomer')}
              </label>
              <label class="checkbox">
                <input type="radio" name={groupName} value="internal" checked={visibility() === 'internal'} onChange={() => setVisibility('internal')} />
                {t('desk.ticket.internalNote')}
              </label>
              <p class="field-hint">{internal() ? t('desk.composer.internalHint') : t('desk.composer.toCustomerHint')}</p>
            </fieldset>
            <Show when={staff().cannedReplies.length > 0}>
              <CannedReplyPicker replies={staff().cannedReplies} onPick={insert} />
            </Show>
          </>
        )}
      </Show>
      <MessageBox label={internal() ? t('desk.ticket.internalNote') : t('desk.composer.reply')} value={body()} onInput={setBody} ref={(element) => (box = element)} />
      <AttachmentPicker uploads={uploads} onAdded={() => void uploads.start(props.ticketId).catch(() => undefined)} />
      <Notice message={notice()} />
      <MessageAlert message={problem()} />
      <ErrorAlert error={submission.error()} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={submission.busy()}>
          {submission.busy() ? t('common.sending') : internal() ? t('desk.composer.addNote') : t('desk.composer.send')}
        </button>
      </div>
    </form>
  );
}

/** A select of canned replies; choosing one inserts its text where the cursor is, then the select resets. */
function CannedReplyPicker(props: { replies: CannedReply[]; onPick: (text: string) => void }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>{t('desk.composer.canned')}</label>
      <select
        id={id}
        onChange={(event) => {
          const reply = props.replies.find((candidate) => candidate.id === event.currentTarget.value);
          event.currentTarget.value = '';
          if (reply) props.onPick(reply.body);
        }}
      >
        <option value="">{t('desk.composer.cannedNone')}</option>
        <For each={props.replies}>
          {(reply) => (
            <option value={reply.id}>
              {reply.title} ({t(`locale.${reply.language}`)})
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
