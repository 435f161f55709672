import { Show } from 'solid-js';
import { errorMessage } from './errors';
import { t } from './i18n';

/** An error announced by screen readers as soon as it appears. */
export function ErrorAlert(props: { error: unknown; onRetry?: () => void }) {
  return (
    <Show when={props.error !== undefined && props.error !== null}>
      <div class="alert alert-error" role="alert">
        <p>{errorMessage(props.error)}</p>
        <Show when={props.onRetry}>
          {(retry) => (
            <button type="button" class="button button-secondary" onClick={() => retry()()}>
              {t('common.retry')}
            </button>
          )}
        </Show>
      </div>
    </Show>
  );
}

/** A message shown as plain text in an alert (already translated). */
export function MessageAlert(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p class="alert alert-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}

/** A polite confirmation (saved, sent) that does not interrupt the screen reader. */
export function Notice(props: { message: string | undefined }) {
  return (
    <div class="notice-region" role="status" aria-live="polite">
      <Show when={props.message}>
        <p class="alert alert-success">{props.message}</p>
      </Show>
    </div>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      {props.label ?? t('common.loading')}
    </p>
  );
}
