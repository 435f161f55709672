import { outboxMailWork } from '../mail/outbox-work';
import { passwordResetRequestWork } from '../identity/password-reset-work';
import { attachmentCleanupWork } from '../attachment-cleanup-work';
import { leadImportChunkWork } from '../lead-import/lead-import-chunk-work';
import type { WorkKind } from './work-runner';

/** Every kind of background work, for the events function (new units) and the schedule's sweep (units left over). */
export const WORK_KINDS: readonly WorkKind[] = [outboxMailWork, passwordResetRequestWork, attachmentCleanupWork, leadImportChunkWork];

/** The kind a stored item is a unit of, by ElectroDB's entity marker. */
export function workKindOf(item: Record<string, unknown>): WorkKind | undefined {
  return WORK_KINDS.find((kind) => kind.entity === item.__edb_e__);
}
