import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { workAttributes, workDueIndex } from '../../../platform/work/work-unit';

/**
 * The reminder of a planned activity at one due time: a unit of scheduled work
 * (shared/platform/work/work-unit.ts), due when its owner wants to be told. One per activity and
 * due time, so a rescheduled activity gets a new one and the old one, when due, finds the
 * activity moved and tells no one.
 */
export const ActivityReminderEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'activityReminder', version: '1', service: 'relasi' },
    attributes: {
      activityId: { type: 'string', required: true, readOnly: true },
      dueAt: { type: 'string', required: true, readOnly: true },
      ownerId: { type: 'string', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      /** Kept a while after the activity's time for the record, then deleted by TTL. */
      expiresAt: { type: 'number', required: true },
      ...workAttributes,
    },
    indexes: {
      byActivity: {
        pk: { field: 'pk', composite: ['activityId'] },
        sk: { field: 'sk', composite: ['dueAt'] },
      },
      workDue: workDueIndex,
    },
  }),
);

export type ActivityReminderRow = EntityItem<ReturnType<typeof ActivityReminderEntity>>;
