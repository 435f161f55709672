import { lazy, onCleanup, onMount, Show } from 'solid-js';
import { createLazyOpener } from './lazy-opener';
import { t } from './i18n';

// The dialog (its texts, the search calls) is its own chunk, loaded on the first opening: a page pays only for this button.
const GlobalSearchDialog = lazy(() => import('./global-search-dialog'));

/** Whether a key press belongs to a field the person is typing in ("/" is a character there). */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The staff header's search button, also opened with "/" (outside a field) and Ctrl+K / Cmd+K
 * (anywhere: it types nothing, and people expect it to work from a field too).
 */
export function GlobalSearch() {
  const { open, loaded, show, close } = createLazyOpener();
  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (open() || event.defaultPrevented) return;
      const chord = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target);
      if (!chord && !slash) return;
      event.preventDefault();
      show();
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });
  return (
    <>
      <button type="button" class="button button-ghost global-search-button" aria-keyshortcuts="/ Control+K Meta+K" aria-haspopup="dialog" onClick={show}>
        {t('search.open')} <kbd aria-hidden="true">/</kbd>
      </button>
      <Show when={loaded()}>
        <GlobalSearchDialog open={open()} onClose={close} />
      </Show>
    </>
  );
}
