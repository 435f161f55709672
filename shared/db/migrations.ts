import { partyRepository } from './repositories/party.repository';

/**
 * Data changes a table written by an older version needs; each is idempotent and finds nothing
 * to do on a table that has it already. `npm start` runs them on an existing local table.
 */
const MIGRATIONS: { name: string; run: () => Promise<number> }[] = [
  { name: 'party e-mail index (e-mail intake finds contacts)', run: () => partyRepository.keyUnindexedEmails() },
];

/** Run every migration; returns what each changed, by name. */
export async function migrateTable(): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const migration of MIGRATIONS) changed[migration.name] = await migration.run();
  return changed;
}
