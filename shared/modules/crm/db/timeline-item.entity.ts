import { Entity, type CreateEntityItem, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * One entry of an account's 360° timeline, stored in the account's partition so the
 * newest-first page is one Query whatever the account's size. Later modules (activities,
 * quotes, tickets…) add entries of their own `type` through the timeline repository.
 */
export const TimelineItemEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'timelineItem', version: '1', service: 'relasi' },
    attributes: {
      accountId: { type: 'string', required: true, readOnly: true },
      itemId: { type: 'string', required: true, readOnly: true },
      at: { type: 'string', required: true, readOnly: true },
      type: { type: 'string', required: true },
      /** Id of the record the entry is about (a note's own id, the contact linked, …). */
      recordId: { type: 'string', required: true },
      title: { type: 'string', required: true },
      summary: { type: 'string', required: true },
      channel: { type: 'string' },
      actorId: { type: 'string' },
    },
    indexes: {
      byAccount: {
        pk: { field: 'pk', composite: ['accountId'] },
        sk: { field: 'sk', composite: ['at', 'itemId'] },
      },
    },
  }),
);

/** A timeline entry as stored. */
export type TimelineItemRow = EntityItem<ReturnType<typeof TimelineItemEntity>>;

/** What a new timeline entry is made of. */
export type NewTimelineItem = CreateEntityItem<ReturnType<typeof TimelineItemEntity>>;
