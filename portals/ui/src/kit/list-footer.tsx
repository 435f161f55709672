import { Show } from 'solid-js';
import { ErrorAlert, Loading } from './alert';
import { t } from './i18n';

type ListFooterProps = {
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  onMore: () => void;
};

/** Loading, error-with-retry and "Load more" under any paginated list. */
export function ListFooter(props: ListFooterProps) {
  return (
    <div class="list-footer">
      <ErrorAlert error={props.error} onRetry={props.onMore} />
      <Show when={props.loading}>
        <Loading />
      </Show>
      <Show when={props.hasMore && !props.loading && !props.error}>
        <button type="button" class="button button-secondary" onClick={() => props.onMore()}>
          {t('common.loadMore')}
        </button>
      </Show>
    </div>
  );
}
