import { outboxMailWorkFor } from '../shared/platform/mail/outbox-work';
import { IDENTITY_MAILS } from '../shared/modules/identity/domain/identity-mails';
import { COMMERCE_MAILS } from '../shared/modules/commerce/domain/commerce-mails';
import { COMMERCE_MAIL_ATTACHMENTS } from '../shared/modules/commerce/services/commerce-mail-attachments';
import { DESK_MAILS } from '../shared/modules/desk/domain/desk-mails';
import { NOTIFICATION_MAILS } from '../shared/modules/notifications/domain/notifications-mails';
import { activityReminderWork } from '../shared/modules/notifications/services/activity-reminder-work';
import { passwordResetRequestWork } from '../shared/modules/identity/services/password-reset-work';
import { attachmentCleanupWork } from '../shared/modules/desk/services/attachment-cleanup-work';
import { leadImportChunkWork } from '../shared/modules/sales/services/lead-import/lead-import-chunk-work';
import { exportWork } from '../shared/modules/exports/services/export-work';
import type { WorkKind } from '../shared/platform/work/work-runner';

/** The outbox's mails, rendered with every module's templates (the outbox stores only a template's name), with the PDFs of quote and invoice mails. */
export const outboxMailWork = outboxMailWorkFor([IDENTITY_MAILS, COMMERCE_MAILS, DESK_MAILS, NOTIFICATION_MAILS], COMMERCE_MAIL_ATTACHMENTS);

/** Every kind of background work, for the events function (new units) and the schedule's sweep (units left over). */
export const WORK_KINDS: readonly WorkKind[] = [outboxMailWork, passwordResetRequestWork, attachmentCleanupWork, leadImportChunkWork, exportWork, activityReminderWork];

/** The kind a stored item is a unit of, by ElectroDB's entity marker. */
export function workKindOf(item: Record<string, unknown>): WorkKind | undefined {
  return WORK_KINDS.find((kind) => kind.entity === item.__edb_e__);
}
