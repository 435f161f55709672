import type { AccountCreate } from '../shared/modules/crm/schemas/account.schema';
import type { BenchDb } from './db-access';
import { note } from './report';

const INDUSTRIES = ['Manufacturing', 'Logistics', 'Retail', 'Hospitality', 'Education', 'Healthcare'];
const CITIES = ['Jakarta', 'Surabaya', 'Bandung', 'Semarang', 'Medan', 'Makassar'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A small deterministic PRNG (mulberry32), so every run loads the same records. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An account like the seed's, with a random name so new ones land all over the list order. */
function fakeAccount(random: () => number, n: number): AccountCreate {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const word = Array.from({ length: 8 }, () => pick(LETTERS.split(''))).join('');
  const name = `${pick(['PT.', 'CV.', 'UD.'])} ${word[0]!.toUpperCase()}${word.slice(1)} ${n}`;
  return {
    name,
    industry: pick(INDUSTRIES),
    email: `info@${word}.example`,
    phone: `+62 21 555 ${String(n % 10_000).padStart(4, '0')}`,
    address: `Jl. Bench ${n}, ${pick(CITIES)}`,
    tags: random() < 0.5 ? ['bench'] : [],
  };
}

let loaded = 0;
const random = prng(2026);

/**
 * Adds `count` accounts with BatchWriteItem (ElectroDB's batch put: 25 items a request, the
 * exact item shape `create` writes, unprocessed items retried by ElectroDB).
 */
export async function loadAccounts(data: BenchDb, count: number): Promise<void> {
  const started = performance.now();
  const records = Array.from({ length: count }, () => data.newAccountRecord(fakeAccount(random, ++loaded)));
  const chunk = 2_500;
  for (let i = 0; i < records.length; i += chunk) {
    const { unprocessed } = await data.AccountEntity().put(records.slice(i, i + chunk)).go({ concurrency: 4 });
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} accounts were not written`);
  }
  const seconds = (performance.now() - started) / 1000;
  note(`loaded ${count} accounts in ${seconds.toFixed(1)} s (${Math.round(count / seconds)}/s)`);
}

/** How many accounts the list index holds (pages through it; setup and checks only). */
export async function countAccounts(data: BenchDb): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const page: { data: unknown[]; cursor: string | null } = await data.AccountEntity().query.byName({}).go({ cursor, attributes: ['accountId'], limit: 5_000 });
    total += page.data.length;
    cursor = page.cursor;
  } while (cursor);
  return total;
}
