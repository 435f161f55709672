import type { TimelineItem } from '../schemas/account.schema';
import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { TimelineItemEntity } from './timeline-item.entity';

/** What a module records on an account's timeline. */
export type TimelineEntry = {
  accountId: string;
  type: string;
  recordId: string;
  title: string;
  summary: string;
  channel?: string;
  actorId?: string;
  at?: string;
};

type TimelineRow = Required<Pick<TimelineEntry, 'accountId' | 'type' | 'recordId' | 'title' | 'summary' | 'at'>> &
  Pick<TimelineEntry, 'channel' | 'actorId'> & { itemId: string };

function toItem(row: TimelineRow): TimelineItem {
  return { type: row.type, id: row.recordId, at: row.at, title: row.title, summary: row.summary, channel: row.channel, actorId: row.actorId };
}

export const timelineRepository = {
  /** The put operation for an entry, to commit in the same transaction as the change it records. */
  addOperation(entry: TimelineEntry) {
    return op.put(TimelineItemEntity().put({ ...entry, at: entry.at ?? nowIso(), itemId: newId() }).params());
  },

  async add(entry: TimelineEntry): Promise<TimelineItem> {
    const row = { ...entry, at: entry.at ?? nowIso(), itemId: newId() };
    await TimelineItemEntity().put(row).go();
    return toItem(row);
  },

  /** Newest first: one Query in the account's partition. */
  list(accountId: string, request: PageRequest): Promise<Page<TimelineItem>> {
    return queryPage(
      request,
      (options) => TimelineItemEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }),
      (row) => toItem(row as TimelineRow),
    );
  },
};
