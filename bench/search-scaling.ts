import type { BenchDb } from './db-access';
import { UNKNOWN_API_PATH } from './api-read';
import { expectStatus, type KeepAliveClient } from './http-client';
import { interleavedP50 } from './interleave';
import { prng } from './load-accounts';
import { figure, note } from './report';
import { waitForStreamPump } from './stream-barrier';

type Size = { accounts: number; contacts: number };

const SMALL: Size = { accounts: 1_000, contacts: 2_000 };
const LARGE = { accounts: 50_000, contacts: 100_000 };
/** A common first name: at the large size its term partition holds thousands of contacts, far more than a search reads. */
const QUERY = '/api/v1/search?q=budi';
const WARM_UP_ROUNDS = 300;
const ROUNDS = 400;

const FIRST_NAMES = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Hendra', 'Wati', 'Joko', 'Ayu', 'Rudi', 'Putri', 'Bambang'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const loaded: Size = { accounts: 0, contacts: 0 };
const random = prng(1212);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const word = (length: number) => Array.from({ length }, () => pick(LETTERS.split(''))).join('');
const capital = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/**
 * The search's term items of `accounts` accounts and `contacts` contacts, built from stored
 * item shapes by the projection's own document builder and written in batches. Only the index
 * is loaded: a search reads nothing else, and going through the records would have the stream
 * pump index each one (minutes at these sizes) while it measures.
 */
async function loadIndex(data: BenchDb, accounts: number, contacts: number): Promise<void> {
  const [{ searchDocumentOf }, { searchRepository }] = await Promise.all([
    import('../shared/modules/search/domain/search-document'),
    import('../shared/modules/search/db/search.repository'),
  ]);
  const started = performance.now();
  const documents = [];
  for (let i = 0; i < accounts; i++) {
    const n = ++loaded.accounts;
    const name = word(8);
    const record = data.newAccountRecord({ name: `${pick(['PT.', 'CV.', 'UD.'])} ${capital(name)} ${n}`, email: `info@${name}.example`, phone: `+62 21 555 ${String(n % 10_000).padStart(4, '0')}`, tags: [] });
    documents.push(searchDocumentOf({ __edb_e__: 'account', ...record })!);
  }
  for (let i = 0; i < contacts; i++) {
    const n = ++loaded.contacts;
    const firstName = pick(FIRST_NAMES);
    const lastName = capital(word(7));
    documents.push(searchDocumentOf({ __edb_e__: 'party', partyId: `bench-party-${n}`, firstName, lastName, email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}${n}@bench.example`, phone: `0812${String(n).padStart(8, '0')}`, isContact: true })!);
  }
  const chunk = 2_000;
  for (let i = 0; i < documents.length; i += chunk) await searchRepository.putMany(documents.slice(i, i + chunk));
  const seconds = (performance.now() - started) / 1000;
  note(`indexed ${accounts} accounts and ${contacts} contacts in ${seconds.toFixed(1)} s`);
}

async function fillTo(data: BenchDb, size: Size): Promise<void> {
  await loadIndex(data, size.accounts - loaded.accounts, size.contacts - loaded.contacts);
  await waitForStreamPump(data);
}

async function measureAt(api: KeepAliveClient): Promise<Record<string, number>> {
  const first = JSON.parse(expectStatus(await api.get(QUERY), 200, 'search').body) as { groups: { type: string; items: unknown[] }[] };
  if (!first.groups.some((group) => group.type === 'contact' && group.items.length > 0)) throw new Error('the search finds no contact');
  return interleavedP50(
    [
      { name: 'search', run: async () => expectStatus(await api.get(QUERY), 200, 'search') },
      { name: 'floor', run: async () => expectStatus(await api.get(UNKNOWN_API_PATH), 404, 'unknown path') },
    ],
    WARM_UP_ROUNDS,
    ROUNDS,
  );
}

/**
 * search_scaling_ratio: p50 of a global search (every type, a common first name) with the index
 * of 50,000 accounts and 100,000 contacts over the same with 1,000 and 2,000, against one
 * server (small first, then topped up); the 404 floor tells how much is the machine.
 */
export async function measureSearchScaling(api: KeepAliveClient, data: BenchDb, size: Size = LARGE): Promise<void> {
  await fillTo(data, SMALL);
  const small = await measureAt(api);
  await fillTo(data, size);
  const large = await measureAt(api);
  note(`search scaling: ${size.accounts} accounts and ${size.contacts} contacts against ${SMALL.accounts} and ${SMALL.contacts}, ${ROUNDS} interleaved rounds after ${WARM_UP_ROUNDS} warm-up at each size`);
  figure('search_scaling_ratio', large.search! / small.search!, 'ratio');
  figure('search_p50_small_ms', small.search!, 'ms', 3);
  figure('search_p50_large_ms', large.search!, 'ms', 3);
  figure('search_floor_drift_ratio', large.floor! / small.floor!, 'ratio');
}
