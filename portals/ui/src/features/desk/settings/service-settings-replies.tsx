import { createSignal, Show } from 'solid-js';
import { newIdempotencyKey } from '../../../api/client';
import type { CannedReply, Locale } from '../../../api/types';
import { ConfirmDialog } from '../../../kit/confirm-dialog';
import { DataTable } from '../../../kit/data-table';
import { Dialog } from '../../../kit/dialog';
import { Field, SelectField } from '../../../kit/field';
import { createDialogForm, FormFooter } from '../../../kit/form-footer';
import type { ChangeDraft } from './service-settings-draft';
import { isLocale, locale, LOCALE_OPTIONS, t } from '../../../kit/i18n';
import '../texts';
import './texts';

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

type ReplyFormProps = {
  /** The reply to edit, `null` for a new one. */
  reply: CannedReply | null;
  onClose: () => void;
  onDone: (reply: CannedReply) => void;
};

/** Writes one canned reply into the page's settings (saved with them). */
function ReplyForm(props: ReplyFormProps) {
  const [title, setTitle] = createSignal(props.reply?.title ?? '');
  const [body, setBody] = createSignal(props.reply?.body ?? '');
  const [language, setLanguage] = createSignal<Locale>(props.reply?.language ?? locale());
  const form = createDialogForm(props.onClose);
  const submit = form.onSubmit(() => {
    if (!title().trim() || !body().trim()) return form.setProblem(t('desk.settings.replyRequired'));
    props.onDone({ id: props.reply?.id ?? newIdempotencyKey(), title: title().trim(), body: body().trim(), language: language() });
    form.close();
  });
  return (
    <form class="form" onSubmit={submit}>
      <Field label={t('common.title')} name="title" required autofocus maxLength={120} value={title()} onInput={setTitle} />
      <SelectField
        label={t('common.language')}
        name="language"
        value={language()}
        onChange={(value) => isLocale(value) && setLanguage(value)}
        options={LOCALE_OPTIONS.map((option) => ({ value: option, label: t(`locale.${option}`) }))}
      />
      <Field label={t('desk.settings.replyBody')} name="body" required multiline maxLength={5000} value={body()} onInput={setBody} />
      <p class="field-hint">{t('desk.settings.replyNote')}</p>
      <FormFooter problem={form.problem()} submission={form.submission} label={props.reply ? t('desk.settings.replyApply') : t('desk.settings.replyAdd')} />
    </form>
  );
}

/** The canned replies agents can insert: listed, written and deleted in the page's settings (saved with them). */
export function RepliesSection(props: { replies: CannedReply[]; onChange: ChangeDraft }) {
  const [replyEditing, setReplyEditing] = createSignal<CannedReply | null>();
  const [replyDeleting, setReplyDeleting] = createSignal<CannedReply>();
  const putReply = (reply: CannedReply) => {
    props.onChange(({ cannedReplies }) => ({
      cannedReplies: cannedReplies.some((r) => r.id === reply.id) ? cannedReplies.map((r) => (r.id === reply.id ? reply : r)) : [...cannedReplies, reply],
    }));
  };
  return (
    <>
      <section class="card stack" aria-labelledby="replies-title">
        <div class="section-header">
          <h2 id="replies-title">{t('desk.settings.replies')}</h2>
          <button type="button" class="button button-secondary" onClick={() => setReplyEditing(null)}>
            {t('desk.settings.replyAdd')}
          </button>
        </div>
        <p class="field-hint">{t('desk.settings.repliesHint')}</p>
        <Show when={props.replies.length > 0} fallback={<p class="empty">{t('desk.settings.repliesNone')}</p>}>
          <div class="table-scroll">
            <DataTable
              items={props.replies}
              columns={[t('common.title'), t('common.language'), t('desk.settings.replyBody'), t('common.actions')]}
              row={(reply) => (
                <>
                  <th scope="row">{reply.title}</th>
                  <td>{t(`locale.${reply.language}`)}</td>
                  <td>{excerpt(reply.body)}</td>
                  <td>
                    <div class="row-actions">
                      <button type="button" class="button button-secondary" onClick={() => setReplyEditing(reply)}>
                        {t('common.edit')}
                        <span class="visually-hidden"> {reply.title}</span>
                      </button>
                      <button type="button" class="button button-danger" onClick={() => setReplyDeleting(reply)}>
                        {t('common.delete')}
                        <span class="visually-hidden"> {reply.title}</span>
                      </button>
                    </div>
                  </td>
                </>
              )}
            />
          </div>
        </Show>
      </section>
      <Dialog open={replyEditing() !== undefined} title={replyEditing() ? t('desk.settings.replyEditTitle') : t('desk.settings.replyAdd')} onClose={() => setReplyEditing(undefined)}>
        <ReplyForm reply={replyEditing() ?? null} onClose={() => setReplyEditing(undefined)} onDone={putReply} />
      </Dialog>
      <ConfirmDialog
        open={replyDeleting() !== undefined}
        title={t('desk.settings.replyDeleteTitle', { title: replyDeleting()?.title ?? '' })}
        message={t('desk.settings.replyDeleteMessage')}
        confirmLabel={t('common.delete')}
        onClose={() => setReplyDeleting(undefined)}
        onConfirm={async () => {
          const doomed = replyDeleting();
          props.onChange(({ cannedReplies }) => ({ cannedReplies: cannedReplies.filter((reply) => reply.id !== doomed?.id) }));
        }}
      />
    </>
  );
}
