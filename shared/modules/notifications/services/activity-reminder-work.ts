import { nowIso } from '../../../platform/clock';
import { op } from '../../../platform/db/transaction';
import { completeUnit } from '../../../platform/work/work-unit';
import { PermanentWorkError, type WorkKind } from '../../../platform/work/work-runner';
import { activityRepository } from '../../sales/db/activity.repository';
import { ActivityReminderEntity } from '../db/activity-reminder.entity';
import { activityReminderRepository } from '../db/activity-reminder.repository';
import { notify } from './notify.service';

/**
 * Reminders of planned activities, worked by the schedule's sweep when due (never as they reach
 * the stream). A reminder tells the owner only if the activity is still planned, for them, at the
 * time the reminder was made for; the notification and its mail commit with the unit's finish, and
 * the notification's key is the activity and due time, so a second sweep or a retake tells no one.
 */
export const activityReminderWork: WorkKind = {
  entity: 'activityReminder',
  scheduled: true,
  patch: (item) => activityReminderRepository.patch(String(item.activityId), String(item.dueAt)),
  due: (state, now, limit) => activityReminderRepository.due(state, now, limit),
  leaseMs: 60_000,
  retakeExpired: true,
  async run(item, claim) {
    const { data } = ActivityReminderEntity().parse({ Item: item });
    if (!data) throw new PermanentWorkError('malformed activity reminder');
    const finish = () => completeUnit(() => activityReminderRepository.patch(data.activityId, data.dueAt), claim, {}, nowIso());
    const activity = await activityRepository.get(data.activityId);
    const current = activity && activity.status === 'planned' && activity.dueAt === data.dueAt && activity.ownerId === data.ownerId;
    if (current) {
      const { created } = await notify(
        { recipientId: data.ownerId, kind: 'activity_due', cause: `activity_due#${data.activityId}#${data.dueAt}`, record: { type: activity.relatedType, id: activity.relatedId, title: activity.subject } },
        { message: `${activity.type} · ${data.dueAt.slice(0, 16).replace('T', ' ')} UTC`, also: [op.update(finish().params())] },
      );
      if (created) return;
    }
    await finish().go();
  },
};
