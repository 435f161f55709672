import { addMs, nowIso } from '../../../platform/clock';
import { ticketRepository } from '../../desk/db/ticket.repository';
import { userRepository } from '../../identity/db/user.repository';
import { DEFAULT_REMINDER_LEAD_MINUTES, needsTicket, notificationsOfChange, reminderToSchedule, type StreamItem } from '../domain/notification';
import { activityReminderRepository } from '../db/activity-reminder.repository';
import { notify } from './notify.service';

/** How long before `dueAt` its owner wants to hear of it (the profile's lead time). */
export async function reminderLeadMinutes(ownerId: string): Promise<number> {
  const owner = await userRepository.get(ownerId);
  return owner?.reminderLeadMinutes ?? DEFAULT_REMINDER_LEAD_MINUTES;
}

/**
 * The events function's step for every changed record (old and new image of a stream record):
 * tells the people a change concerns, and schedules the reminder of a planned activity. Every
 * write is keyed by its cause, so a replayed record changes nothing.
 */
export async function notifyOfChange(item: StreamItem, old: StreamItem | undefined): Promise<void> {
  const ticketId = needsTicket(item, old);
  const ticket = ticketId ? await ticketRepository.get(ticketId) : undefined;
  for (const draft of notificationsOfChange(item, old, () => ticket)) await notify(draft);
  const now = nowIso();
  const reminder = reminderToSchedule(item, old, now);
  if (reminder) {
    const lead = await reminderLeadMinutes(reminder.ownerId);
    await activityReminderRepository.schedule(reminder, addMs(reminder.dueAt, -lead * 60_000), now);
  }
}
