import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { api } from '../api/endpoints';
import type { Notification } from '../api/types';
import { Dialog } from './dialog';
import { formatDateTime } from './format';
import { registerTexts, t } from './i18n';
import { recordUrl } from './navigation';
import { notificationPanelEn, notificationPanelId } from './notification-texts';

declare module './i18n' {
  interface Texts extends Record<keyof typeof notificationPanelEn, string> {}
}

registerTexts(notificationPanelEn, notificationPanelId);

const PAGE = 20;

type PanelProps = { onUnread: (count: number) => void };
type State = 'loading' | 'error' | 'ready';

/** The list, newest first: the record's name links to it (and marks the notification read), older ones page in. */
function NotificationList(props: PanelProps) {
  const [state, setState] = createSignal<State>('loading');
  const [items, setItems] = createSignal<Notification[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const load = async (more = false) => {
    if (!more) setState('loading');
    setBusy(true);
    try {
      const page = await api.notifications.list({ limit: PAGE, ...(more && cursor() ? { cursor: cursor() } : {}) });
      setItems(more ? [...items(), ...page.items] : page.items);
      setCursor(page.nextCursor);
      props.onUnread(page.unread);
      setState('ready');
    } catch {
      if (!more) setState('error');
    } finally {
      setBusy(false);
    }
  };
  onMount(() => void load());

  const markRead = async (item: Notification) => {
    const read = await api.notifications.markRead(item.id);
    setItems(items().map((n) => (n.id === item.id ? read : n)));
    props.onUnread((await api.notifications.unread()).unread);
  };
  const markAll = async () => {
    setBusy(true);
    try {
      await api.notifications.markAllRead();
      const at = new Date().toISOString();
      setItems(items().map((n) => (n.readAt ? n : { ...n, readAt: at })));
      props.onUnread(0);
    } finally {
      setBusy(false);
    }
  };
  // The link is followed once the notification is marked read; a failed mark does not hold the person back.
  const follow = async (event: MouseEvent, item: Notification) => {
    if (item.readAt || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    await api.notifications.markRead(item.id).catch(() => undefined);
    window.location.assign(recordUrl(item.record.type, item.record.id));
  };

  return (
    <div class="notification-panel">
      <Switch>
        <Match when={state() === 'loading'}>
          <p class="muted" role="status">
            {t('notifications.loading')}
          </p>
        </Match>
        <Match when={state() === 'error'}>
          <p class="error" role="alert">
            {t('notifications.failed')}
          </p>
          <button type="button" class="button" onClick={() => void load()}>
            {t('notifications.retry')}
          </button>
        </Match>
        <Match when={state() === 'ready' && items().length === 0}>
          <p class="muted">{t('notifications.empty')}</p>
        </Match>
        <Match when={state() === 'ready'}>
          <div class="notification-actions">
            <button type="button" class="button" disabled={busy() || items().every((n) => n.readAt)} onClick={() => void markAll()}>
              {t('notifications.markAllRead')}
            </button>
          </div>
          <ul class="notification-list">
            <For each={items()}>
              {(item) => (
                <li class="notification-item" classList={{ unread: !item.readAt }}>
                  <div class="notification-text">
                    <span class="notification-kind">
                      <Show when={!item.readAt}>
                        <span class="visually-hidden">{t('notifications.unreadItem')}: </span>
                      </Show>
                      {t(`notifications.kind.${item.kind}`)}
                    </span>
                    <a href={recordUrl(item.record.type, item.record.id)} onClick={(event) => void follow(event, item)}>
                      {item.record.title}
                    </a>
                    <time class="muted" datetime={item.createdAt}>
                      {formatDateTime(item.createdAt)}
                    </time>
                  </div>
                  <Show when={!item.readAt}>
                    <button type="button" class="button button-ghost" onClick={() => void markRead(item)}>
                      {t('notifications.markRead')}
                      <span class="visually-hidden">: {item.record.title}</span>
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={cursor()}>
            <button type="button" class="button" disabled={busy()} onClick={() => void load(true)}>
              {t('notifications.more')}
            </button>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

/** The notification panel (its own chunk; kit/notification-bell.tsx opens it). */
export default function NotificationPanel(props: PanelProps & { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={props.open} title={t('notifications.open')} onClose={() => props.onClose()}>
      <NotificationList onUnread={(count) => props.onUnread(count)} />
    </Dialog>
  );
}
