import { createSignal, lazy, onCleanup, onMount, Show } from 'solid-js';
import { createLazyOpener } from './lazy-opener';
import { api } from '../api/endpoints';
import { t } from './i18n';

// The panel (its texts, the list calls) is its own chunk, loaded on the first opening: a page pays only for this button.
const NotificationPanel = lazy(() => import('./notification-panel'));

/** How often the count is asked for while the tab is visible; a tab coming back asks at once. */
const POLL_MS = 60_000;

/**
 * The staff header's bell: the unread count (announced politely to screen readers when it
 * changes), polled modestly while the tab is visible; opening it shows the panel.
 */
export function NotificationBell() {
  const [unread, setUnread] = createSignal(0);
  const { open, loaded, show, close } = createLazyOpener();

  const refresh = async () => {
    try {
      setUnread((await api.notifications.unread()).unread);
    } catch {
      // A missed poll changes nothing on screen; the next one tries again.
    }
  };
  onMount(() => {
    void refresh();
    const timer = setInterval(() => document.visibilityState === 'visible' && void refresh(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    onCleanup(() => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    });
  });

  const label = () => (unread() > 0 ? `${t('notifications.open')}, ${t('notifications.unreadCount', { count: unread() })}` : t('notifications.open'));

  return (
    <>
      <button type="button" class="button button-ghost notification-bell" aria-haspopup="dialog" aria-label={label()} onClick={show}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        <Show when={unread() > 0}>
          <span class="notification-count" aria-hidden="true" data-testid="notification-count">
            {unread() > 99 ? '99+' : unread()}
          </span>
        </Show>
      </button>
      <span class="visually-hidden" aria-live="polite">
        {unread() > 0 ? t('notifications.unreadCount', { count: unread() }) : ''}
      </span>
      <Show when={loaded()}>
        <NotificationPanel open={open()} onClose={close} onUnread={setUnread} />
      </Show>
    </>
  );
}
