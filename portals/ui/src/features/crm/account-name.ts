import { createSignal } from 'solid-js';
import { api } from '../../api/endpoints';

// Tickets carry an account id only: each name is read once per page and shared. (The commerce
// screens keep the same cache in ./commerce, whose module also loads their catalogue; this one
// stands alone so the service desk's pages stay within their JavaScript budget.)
const [names, setNames] = createSignal<Record<string, string>>({});
const asked = new Set<string>();

/** The account's name once read (undefined until then, or when it cannot be read). */
export function accountNameOf(id: string): string | undefined {
  if (!asked.has(id)) {
    asked.add(id);
    api.accounts.get(id).then(
      (account) => setNames((known) => ({ ...known, [id]: account.name })),
      () => undefined,
    );
  }
  return names()[id];
}
