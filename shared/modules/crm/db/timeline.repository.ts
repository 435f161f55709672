import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { TimelineItemEntity, type NewTimelineItem, type TimelineItemRow } from './timeline-item.entity';

/** What a module records on an account's timeline (`at`: now unless given). */
export type TimelineEntry = Omit<NewTimelineItem, 'itemId' | 'at'> & { at?: string };

const newItem = (entry: TimelineEntry): TimelineItemRow => ({ ...entry, at: entry.at ?? nowIso(), itemId: newId() });

export const timelineRepository = {
  /** The put operation for an entry, to commit in the same transaction as the change it records. */
  addOperation(entry: TimelineEntry) {
    return op.put(TimelineItemEntity().put(newItem(entry)).params());
  },

  async add(entry: TimelineEntry): Promise<TimelineItemRow> {
    const row = newItem(entry);
    await TimelineItemEntity().put(row).go();
    return row;
  },

  /** Newest first: one Query in the account's partition. */
  list(accountId: string, request: PageRequest): Promise<Page<TimelineItemRow>> {
    return queryPage(request, (options) => TimelineItemEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => row);
  },
};
