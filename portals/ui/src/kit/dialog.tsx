import { createEffect, createUniqueId, Show, type JSX } from 'solid-js';
import { t } from './i18n';

type DialogProps = {
  open: boolean;
  title: string;
  onClose: () => void;
  children: JSX.Element;
};

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside), Escape closes it and the browser returns focus to the opener. Content mounts only
 * while open so each opening starts with a fresh form.
 */
export function Dialog(props: DialogProps) {
  let ref: HTMLDialogElement | undefined;
  const titleId = createUniqueId();
  createEffect(() => {
    if (!ref) return;
    if (props.open && !ref.open) ref.showModal();
    if (!props.open && ref.open) ref.close();
  });
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={titleId} onClose={() => props.onClose()}>
      <Show when={props.open}>
        <div class="dialog-header">
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" class="button button-ghost" onClick={() => props.onClose()}>
            {t('common.close')}
          </button>
        </div>
        {props.children}
      </Show>
    </dialog>
  );
}
