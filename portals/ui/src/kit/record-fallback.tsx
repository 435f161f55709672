import { Match, Switch } from 'solid-js';
import { ErrorAlert, Loading, MessageAlert } from './alert';
import { ApiError } from '../api/client';
import { t } from './i18n';

/** What a record page shows until its record is there: loading, "not found" for a 404, or the error with a retry. */
export function RecordFallback(props: { error: unknown; onRetry: () => void }) {
  const missing = () => props.error instanceof ApiError && props.error.status === 404;
  return (
    <Switch fallback={<Loading />}>
      <Match when={missing()}>
        <MessageAlert message={t('error.not_found')} />
      </Match>
      <Match when={props.error}>
        <ErrorAlert error={props.error} onRetry={props.onRetry} />
      </Match>
    </Switch>
  );
}
