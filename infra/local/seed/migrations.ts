import { leadImportRepository } from '../../../shared/modules/sales/db/lead-import.repository';
import { partyRepository } from '../../../shared/modules/identity/db/party.repository';
import { ticketAttachmentRepository } from '../../../shared/modules/desk/db/ticket-attachment.repository';

/**
 * Data changes a table written by an older version needs; each is idempotent and finds nothing
 * to do on a table that has it already. `npm start` runs them on an existing local table.
 */
const MIGRATIONS: { name: string; run: () => Promise<number> }[] = [
  { name: 'party e-mail index (e-mail intake finds contacts)', run: () => partyRepository.keyUnindexedEmails() },
  { name: 'clean-up of uploads announced before clean-ups were units of work', run: () => ticketAttachmentRepository.scheduleUntrackedCleanups() },
  { name: 'lead import chunks left unfinished before chunks were units of work', run: () => leadImportRepository.trackUntrackedChunks() },
];

/** Run every migration; returns what each changed, by name. */
export async function migrateTable(): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const migration of MIGRATIONS) changed[migration.name] = await migration.run();
  return changed;
}
