// What the lead-imports-*.test.ts files share: the demo world, the events function on the table
// stream once a file starts it, and the calls that write CSV files and import them.
import type { StreamPump } from '../../../infra/local/stream-pump';
import { leadRepository } from '../../../shared/modules/sales/db/lead.repository';
import { call, demoWorld, type DemoLogin } from '../../support/api.helper';
import { startMailPump } from '../../support/mail.helper';

/** The demo logins' tokens, filled in by setUpLeadImports. */
export const tokens = {} as Record<DemoLogin, string>;
/** The demo sales rep's user id, set by setUpLeadImports. */
export let salesUserId: string;
let pump: StreamPump | undefined;

/** The file's beforeAll: a fresh demo table and its logins. */
export async function setUpLeadImports(): Promise<void> {
  Object.assign(tokens, await demoWorld());
  salesUserId = (await call('GET', '/auth/me', { token: tokens.sales })).body.user.id;
}

/** Feeds the table stream, from its start, to the events function, which works the import chunks as in AWS. */
export async function startEventsPump(): Promise<void> {
  pump = await startMailPump();
}

/** The file's afterAll. */
export async function stopEventsPump(): Promise<void> {
  await pump?.stop();
}

/** A cell as a spreadsheet writes it: quoted when it holds the delimiter, a quote or a line break. */
const cell = (value: string, delimiter = ',') => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
export const csvOf = (rows: string[][], delimiter = ',') => rows.map((row) => row.map((v) => cell(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';

/** POST /lead-imports of the file with the mapping, by sales unless `token` says otherwise. */
export async function startImport(csv: string, mapping: Record<string, string | null>, token = tokens.sales, fileName = 'leads.csv') {
  return call('POST', '/lead-imports', { token, body: { fileName, csv, mapping } });
}

/** The stored leads with this e-mail (any case). */
export async function leadsWithEmail(email: string) {
  return leadRepository.getMany(await leadRepository.idsWithEmail(email));
}

/** How many imports the admin sees. */
export async function importCount(): Promise<number> {
  const answer = await call('GET', '/lead-imports?limit=100', { token: tokens.admin });
  expect(answer.status).toBe(200);
  return answer.body.items.length;
}
