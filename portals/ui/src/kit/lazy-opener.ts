import { createSignal } from 'solid-js';

/**
 * The state of a header panel whose code loads on its first opening (the search, the bell): open,
 * loaded once, and focus back where it was on closing, since a dialog mounted late cannot rely on
 * the browser's own return.
 */
export function createLazyOpener() {
  const [open, setOpen] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  let opener: HTMLElement | null = null;
  return {
    open,
    loaded,
    show() {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setLoaded(true);
      setOpen(true);
    },
    close() {
      setOpen(false);
      opener?.focus();
    },
  };
}
