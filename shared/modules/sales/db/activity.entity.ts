import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { ACTIVITY_DIRECTIONS, ACTIVITY_STATUSES, ACTIVITY_TYPES, RELATED_TYPES } from '../domain/sales-vocabulary';

/**
 * A call, meeting, task, e-mail or note, stored under the record it concerns so a lead's,
 * contact's, account's or opportunity's activities are one Query.
 */
export const ActivityEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'activity', version: '1', service: 'relasi' },
    attributes: {
      activityId: { type: 'string', required: true, readOnly: true },
      relatedType: { type: RELATED_TYPES, required: true, readOnly: true },
      relatedId: { type: 'string', required: true, readOnly: true },
      accountId: { type: 'string' },
      type: { type: ACTIVITY_TYPES, required: true },
      subject: { type: 'string', required: true },
      notes: { type: 'string' },
      dueAt: { type: 'string' },
      /** `dueAt`, or `~` for undated work (sorts after every date in the owner's queue). */
      dueSort: { type: 'string', required: true },
      status: { type: ACTIVITY_STATUSES, required: true },
      outcome: { type: 'string' },
      durationMinutes: { type: 'number' },
      direction: { type: ACTIVITY_DIRECTIONS },
      ownerId: { type: 'string' },
      doneAt: { type: 'string' },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byRelated: {
        pk: { field: 'pk', composite: ['relatedType', 'relatedId'] },
        sk: { field: 'sk', composite: ['createdAt', 'activityId'] },
      },
      byId: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['activityId'] },
        sk: { field: 'gsi1sk', composite: [] },
      },
      /** A rep's queue by status and due time: "my day" and the owner filter. */
      byOwner: {
        index: 'gsi2',
        condition: (attr) => Boolean(attr.ownerId),
        pk: { field: 'gsi2pk', composite: ['ownerId'] },
        sk: { field: 'gsi2sk', composite: ['status', 'dueSort', 'activityId'] },
      },
    },
  }),
);

/** An activity as stored. */
export type ActivityRow = EntityItem<ReturnType<typeof ActivityEntity>>;
