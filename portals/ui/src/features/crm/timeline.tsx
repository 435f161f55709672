import { createSignal, For, onMount, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { ErrorAlert } from '../../kit/alert';
import { Field } from '../../kit/field';
import { ListFooter } from '../../kit/list-footer';
import { createPagedList } from '../../kit/paged-list';
import { createSubmission } from '../../kit/submission';
import { formatDateTime, humanizeWord } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import { crmEn } from './texts.en';
import './texts';

/** A stored type or channel word in the reader's language; one the catalogue does not know yet reads as words. */
export function timelineWord(group: 'timelineType' | 'timelineChannel', value: string): string {
  const key = `crm.${group}.${value}`;
  return key in crmEn ? t(key as MessageKey) : humanizeWord(value);
}

/** The account's 360° history, newest first, with a form to add a note. */
export function Timeline(props: { accountId: string }) {
  const list = createPagedList((id: string, cursor) => api.accounts.timeline(id, { cursor, limit: 20 }));
  const [note, setNote] = createSignal('');
  const submission = createSubmission();
  onMount(() => void list.load(props.accountId));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const body = note().trim();
    if (!body) return;
    const ok = await submission.run(async (key) => {
      const item = await api.accounts.addNote(props.accountId, body, key);
      list.setItems((items) => [item, ...items]);
    });
    if (ok) setNote('');
  };

  return (
    <section class="stack" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('crm.accounts.timeline')}</h2>
      <form class="form card" onSubmit={(e) => void submit(e)}>
        <Field label={t('crm.accounts.note')} name="note" multiline required maxLength={5000} value={note()} onInput={setNote} />
        <ErrorAlert error={submission.error()} />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={submission.busy()}>
            {submission.busy() ? t('crm.accounts.adding') : t('crm.accounts.addNote')}
          </button>
        </div>
      </form>
      <Show when={list.loaded() && list.items().length === 0}>
        <p class="empty">{t('crm.accounts.noTimeline')}</p>
      </Show>
      <ol class="timeline">
        <For each={list.items()}>
          {(item) => (
            <li>
              <p class="timeline-meta">
                <span class="badge">{timelineWord('timelineType', item.type)}</span> <time datetime={item.at}>{formatDateTime(item.at)}</time>
                <Show when={item.channel}>{(channel) => <> · {timelineWord('timelineChannel', channel())}</>}</Show>
              </p>
              <p class="timeline-title">{item.title}</p>
              <Show when={item.summary}>
                <p class="timeline-summary">{item.summary}</p>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <ListFooter loading={list.loading()} error={list.error()} hasMore={list.nextCursor() !== null} onMore={() => void list.loadMore()} />
    </section>
  );
}
