import type { Page } from '../../../platform/page';
import type { ActivityType, RelatedType } from '../domain/sales-vocabulary';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { ActivityEntity, type ActivityRow } from './activity.entity';

/** Sort key of undated work in an owner's queue: after every date. */
export const UNDATED = '~';

export const activityRepository = {
  /** Put `row` as a new activity (never over an existing one). */
  createOperation(row: ActivityRow) {
    return op.put(ActivityEntity().create(row).params());
  },

  /** Store `next` in place of the record, only if it is still at `expectedVersion`. */
  replaceOperation(next: ActivityRow, expectedVersion: number) {
    return op.put(ActivityEntity().put(next).where((attr, { eq }) => eq(attr.version, expectedVersion)).params());
  },

  async get(activityId: string): Promise<ActivityRow | undefined> {
    const { data } = await ActivityEntity().query.byId({ activityId }).go({ limit: 1 });
    return data[0];
  },

  /** The activities of one record, newest first: one Query in its partition. */
  byRelated(relatedType: RelatedType, relatedId: string, request: PageRequest, status?: ActivityRow['status']): Promise<Page<ActivityRow>> {
    const query = ActivityEntity().query.byRelated({ relatedType, relatedId });
    const filtered = status ? query.where((attr, { eq }) => eq(attr.status, status)) : query;
    return queryPage(request, (options) => filtered.go({ ...options, order: 'desc' }), (row) => row);
  },

  /** The types of a record's done activities (one Query in its partition; what engagement scoring counts). */
  async doneOn(relatedType: RelatedType, relatedId: string): Promise<{ type: ActivityType; status: 'done' }[]> {
    const { data } = await ActivityEntity().query.byRelated({ relatedType, relatedId })
      .where((attr, { eq }) => eq(attr.status, 'done'))
      .go({ pages: 'all', attributes: ['type', 'status'] });
    return data.map((a) => ({ type: a.type, status: 'done' as const }));
  },

  /** An owner's activities of one status, soonest due first (undated last). */
  byOwner(ownerId: string, status: ActivityRow['status'], request: PageRequest): Promise<Page<ActivityRow>> {
    return queryPage(request, (options) => ActivityEntity().query.byOwner({ ownerId, status }).go(options), (row) => row);
  },

  /** An owner's planned work due before `before` (my day: overdue, today, upcoming), soonest first. Bounded on both sides: `lt` alone would reach into the `done` keys that sort before `planned`. */
  async plannedDueBefore(ownerId: string, before: string, max = 500): Promise<ActivityRow[]> {
    const { data } = await ActivityEntity().query.byOwner({ ownerId, status: 'planned' }).between({ dueSort: '0' }, { dueSort: before }).go({ pages: 'all', limit: max });
    return data;
  },
};
