import { For } from 'solid-js';
import { t, type MessageKey } from './i18n';

/** Sections of later releases, described honestly: no sample data. */
export function PlaceholderCards(props: { items: { title: MessageKey; text: MessageKey }[] }) {
  return (
    <ul class="cards">
      <For each={props.items}>
        {(item) => (
          <li class="card placeholder">
            <h2>{t(item.title)}</h2>
            <p>{t(item.text)}</p>
            <p class="muted">
              <span class="badge">{t('common.comingSoon')}</span> {t('common.soon')}
            </p>
          </li>
        )}
      </For>
    </ul>
  );
}
