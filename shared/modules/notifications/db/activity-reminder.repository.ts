import { epochSeconds } from '../../../platform/clock';
import { dueUnits, type WorkState } from '../../../platform/work/work-unit';
import { ActivityReminderEntity } from './activity-reminder.entity';

const MONTH_SECONDS = 30 * 24 * 60 * 60;

export const activityReminderRepository = {
  /** Schedules the reminder of an activity at one due time, `remindAt`; false when it was already scheduled (a replayed change). */
  async schedule(reminder: { activityId: string; dueAt: string; ownerId: string }, remindAt: string, now: string): Promise<boolean> {
    const expiresAt = epochSeconds(new Date(reminder.dueAt)) + MONTH_SECONDS;
    try {
      await ActivityReminderEntity().create({ ...reminder, createdAt: now, expiresAt, workState: 'pending', workAttempts: 0, workDueAt: remindAt }).go();
      return true;
    } catch (error) {
      if (error instanceof Error && /conditional request failed/i.test(error.message)) return false;
      throw error;
    }
  },

  /** The update of one reminder's work state. */
  patch(activityId: string, dueAt: string) {
    return ActivityReminderEntity().patch({ activityId, dueAt });
  },

  /** Reminders in `state` due by `now`, as stored (what the sweep hands the work kind). */
  due(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(ActivityReminderEntity().query.workDue({ workState: state }), now, limit);
  },
};
