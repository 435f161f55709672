import { createEffect, createMemo, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { api } from '../api/endpoints';
import type { SearchHit, SearchType } from '../api/types';
import { Dialog } from './dialog';
import { registerTexts, t } from './i18n';
import { recordUrl } from './navigation';
import { globalSearchEn, globalSearchId } from './global-search-texts';

declare module './i18n' {
  interface Texts extends Record<keyof typeof globalSearchEn, string> {}
}

registerTexts(globalSearchEn, globalSearchId);

const MIN_CHARS = 2;
/** Wait this long after a keystroke: a word typed at speed costs one request. */
const DELAY_MS = 150;

type Group = { type: SearchType; items: { hit: SearchHit; index: number }[] };
type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error' } | { kind: 'done'; query: string; groups: Group[] };

const openHit = (hit: SearchHit) => window.location.assign(recordUrl(hit.type, hit.id));

/** Hits grouped by type, each with its place in the one list the arrow keys walk. */
function numbered(groups: { type: SearchType; items: SearchHit[] }[]): Group[] {
  let index = 0;
  return groups.map((group) => ({ type: group.type, items: group.items.map((hit) => ({ hit, index: index++ })) }));
}

/**
 * The combobox: the field keeps focus, the arrow keys move the active option
 * (aria-activedescendant), Enter opens it, Escape closes the dialog (and focus goes back to
 * the opener). Each keystroke cancels the request it overtakes.
 */
function SearchPanel() {
  const id = createUniqueId();
  const [state, setState] = createSignal<State>({ kind: 'idle' });
  const [active, setActive] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  onCleanup(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  const groups = createMemo(() => {
    const current = state();
    return current.kind === 'done' ? current.groups : [];
  });
  const hits = createMemo(() => groups().flatMap((group) => group.items.map((item) => item.hit)));
  const optionId = (index: number) => `${id}-option-${index}`;

  const search = (text: string) => {
    clearTimeout(timer);
    controller?.abort();
    const query = text.trim();
    if (query.length < MIN_CHARS) {
      setState({ kind: 'idle' });
      return;
    }
    timer = setTimeout(async () => {
      const mine = new AbortController();
      controller = mine;
      setState({ kind: 'loading' });
      try {
        const answer = await api.search(query, mine.signal);
        if (mine.signal.aborted) return;
        setActive(0);
        setState({ kind: 'done', query, groups: numbered(answer.groups) });
      } catch {
        if (!mine.signal.aborted) setState({ kind: 'error' });
      }
    }, DELAY_MS);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = hits().length;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault();
      setActive((active() + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits()[active()];
      if (hit) openHit(hit);
    }
  };

  createEffect(() => {
    if (hits().length > 0) document.getElementById(optionId(active()))?.scrollIntoView({ block: 'nearest' });
  });

  const status = () => {
    const current = state();
    if (current.kind === 'loading') return t('search.searching');
    if (current.kind === 'error') return t('search.failed');
    if (current.kind === 'done') return hits().length === 0 ? t('search.none', { query: current.query }) : t('search.count', { count: hits().length });
    return t('search.tooShort', { count: MIN_CHARS });
  };

  return (
    <div class="global-search">
      <label class="visually-hidden" for={`${id}-input`}>
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        class="global-search-input"
        // Not type=search: there Escape clears the field instead of closing the dialog.
        type="text"
        enterkeyhint="go"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        autofocus
        placeholder={t('search.label')}
        aria-expanded={hits().length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={hits().length > 0 ? optionId(active()) : undefined}
        aria-describedby={`${id}-hint`}
        onInput={(event) => search(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p class="field-hint" id={`${id}-hint`}>
        {t('search.hint')}
      </p>
      <p class={state().kind === 'error' ? 'global-search-status error' : 'global-search-status muted'} role="status">
        {status()}
      </p>
      <div id={`${id}-list`} role="listbox" class="global-search-list" aria-label={t('search.label')}>
        <For each={groups()}>
          {(group) => (
            <div role="group" aria-labelledby={`${id}-${group.type}`}>
              <div id={`${id}-${group.type}`} class="global-search-group" role="presentation">
                {t(`search.group.${group.type}`)}
              </div>
              <For each={group.items}>
                {(item) => (
                  <div
                    id={optionId(item.index)}
                    role="option"
                    class="global-search-option"
                    aria-selected={item.index === active()}
                    onMouseMove={() => setActive(item.index)}
                    onClick={() => openHit(item.hit)}
                  >
                    <span class="global-search-title">{item.hit.title}</span>
                    <Show when={item.hit.subtitle}>
                      <span class="global-search-subtitle">{item.hit.subtitle}</span>
                    </Show>
                  </div>
                )}
              </For>
            </div>
          )}
        </For>
      </div>
    </div>
  );
}

/** The global search dialog (its own chunk; kit/global-search.tsx opens it). */
export default function GlobalSearchDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={props.open} title={t('search.open')} onClose={() => props.onClose()}>
      <SearchPanel />
    </Dialog>
  );
}
