import { leadImportRepository } from '../../../shared/modules/sales/db/lead-import.repository';
import { partyRepository } from '../../../shared/modules/identity/db/party.repository';
import { searchRepository } from '../../../shared/modules/search/db/search.repository';
import { ticketAttachmentRepository } from '../../../shared/modules/desk/db/ticket-attachment.repository';
import { nowIso } from '../../../shared/platform/clock';
import { MigrationDoneEntity } from './migration-done.entity';

/**
 * Data changes a table written by an older version needs; each is idempotent and finds nothing
 * to do on a table that has it already. `npm start` runs them on an existing local table; those
 * marked `once` read the whole table, so they run once per table (MigrationDoneEntity).
 */
const MIGRATIONS: { name: string; once?: true; run: () => Promise<number> }[] = [
  { name: 'party e-mail index (e-mail intake finds contacts)', run: () => partyRepository.keyUnindexedEmails() },
  { name: 'clean-up of uploads announced before clean-ups were units of work', run: () => ticketAttachmentRepository.scheduleUntrackedCleanups() },
  { name: 'lead import chunks left unfinished before chunks were units of work', run: () => leadImportRepository.trackUntrackedChunks() },
  { name: 'global search index (records written before the index existed)', once: true, run: () => searchRepository.backfill() },
];

/** Run every migration; returns what each changed, by name. */
export async function migrateTable(): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const migration of MIGRATIONS) {
    if (migration.once && (await MigrationDoneEntity().get({ name: migration.name }).go()).data) continue;
    changed[migration.name] = await migration.run();
    if (migration.once) await MigrationDoneEntity().put({ name: migration.name, at: nowIso() }).go();
  }
  return changed;
}

/** A table created by this version needs none of the one-time migrations: mark them done. */
export async function markOneTimeMigrationsDone(): Promise<void> {
  for (const migration of MIGRATIONS.filter((m) => m.once)) await MigrationDoneEntity().put({ name: migration.name, at: nowIso() }).go();
}
