import type { Activity, ActivityCreate, ActivityDone, ActivityPatch } from '../schemas/activity.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { activityPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, NotFoundError, ValidationError, VersionConflictError } from '../../../platform/errors';
import { nowIso } from '../../../platform/clock';
import { myDayWindow, splitMyDay } from '../domain/my-day';
import type { ActivityType, RelatedType } from '../domain/sales-vocabulary';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { accountRepository } from '../../crm/db/account.repository';
import type { ActivityRow } from '../db/activity.entity';
import { activityRepository, UNDATED } from '../db/activity.repository';
import { leadRepository } from '../db/lead.repository';
import { opportunityRepository } from '../db/opportunity.repository';
import { partyRepository } from '../../identity/db/party.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { newId } from '../../../platform/db/keys';
import { transact, TransactionConflict } from '../../../platform/db/transaction';
import { changedRow } from '../db/row-changes';
import { checkOwner } from '../../identity/services/record-owner';
import { toActivity } from './sales-views';

type PageInput = { limit: number; cursor?: string };

/** The channel an activity shows with on the account timeline. */
export const ACTIVITY_CHANNELS: Record<ActivityType, string> = { call: 'phone', meeting: 'face_to_face', email: 'email', note: 'internal', task: 'internal' };

const LABELS: Record<ActivityType, string> = { call: 'Call', meeting: 'Meeting', task: 'Task', email: 'E-mail', note: 'Note' };

/**
 * Check the related record exists and find the account whose timeline shows the activity:
 * the account itself, an opportunity's account, or a contact's only account.
 */
async function resolveRelated(type: RelatedType, id: string): Promise<{ accountId?: string }> {
  switch (type) {
    case 'account':
      if (!(await accountRepository.get(id))) throw new NotFoundError('Account');
      return { accountId: id };
    case 'opportunity': {
      const opportunity = await opportunityRepository.get(id);
      if (!opportunity) throw new NotFoundError('Opportunity');
      return { accountId: opportunity.accountId };
    }
    case 'contact': {
      const party = await partyRepository.get(id);
      if (!party?.isContact) throw new NotFoundError('Contact');
      const accountIds = await accountContactRepository.accountIdsOf(id);
      return accountIds.length === 1 ? { accountId: accountIds[0] } : {};
    }
    case 'lead':
      if (!(await leadRepository.get(id))) throw new NotFoundError('Lead');
      return {};
  }
}

function timelineEntry(row: ActivityRow, actorId: string, at: string) {
  const label = LABELS[row.type];
  const title = row.status === 'done' ? (row.type === 'note' ? `${label}: ${row.subject}` : `${label} logged: ${row.subject}`) : `${label} planned: ${row.subject}`;
  const details = [row.outcome, row.durationMinutes !== undefined ? `${row.durationMinutes} min` : undefined, row.status === 'planned' ? row.dueAt && `due ${row.dueAt}` : undefined, row.notes];
  return timelineRepository.addOperation({
    accountId: row.accountId!,
    type: 'activity',
    recordId: row.activityId,
    title: title.slice(0, 200),
    summary: details.filter(Boolean).join(' · ').slice(0, 1000),
    channel: ACTIVITY_CHANNELS[row.type],
    actorId,
    at,
  });
}

const utc = (instant: string) => new Date(instant).toISOString();

/**
 * A done activity on a lead is engagement, which the lead's score counts: rescore it. Loaded
 * on demand, so the activity routes do not load the lead service unless a lead needs it.
 */
async function rescoreIfLead(row: ActivityRow): Promise<void> {
  if (row.relatedType !== 'lead' || row.status !== 'done') return;
  const { rescoreLead } = await import('./lead-records');
  await rescoreLead(row.relatedId);
}

async function commit(items: Parameters<typeof transact>[0]): Promise<void> {
  try {
    await transact(items);
  } catch (error) {
    if (error instanceof TransactionConflict) throw new VersionConflictError();
    throw error;
  }
}

async function readable(actor: Actor, activityId: string): Promise<ActivityRow> {
  enforce(activityPolicy.read(actor), 'Activity');
  const row = await activityRepository.get(activityId);
  if (!row) throw new NotFoundError('Activity');
  return row;
}

function withoutUndefined(row: ActivityRow): ActivityRow {
  for (const key of Object.keys(row) as (keyof ActivityRow)[]) if (row[key] === undefined) delete row[key];
  return row;
}

export const activityService = {
  /** By related record (its partition), else by owner (the caller by default) and status (planned by default). */
  async list(actor: Actor, filter: { relatedType?: RelatedType; relatedId?: string; ownerId?: string; status?: 'planned' | 'done' }, page: PageInput): Promise<Page<Activity>> {
    enforce(activityPolicy.read(actor), 'Activity');
    if (Boolean(filter.relatedType) !== Boolean(filter.relatedId)) {
      throw new ValidationError('relatedType and relatedId go together.', [{ path: filter.relatedType ? 'relatedId' : 'relatedType', message: 'Required with the other' }]);
    }
    if (filter.relatedType && filter.relatedId) {
      await resolveRelated(filter.relatedType, filter.relatedId);
      const list = `activities:${filter.relatedType}:${filter.relatedId}:${filter.status ?? ''}`;
      return mapPage(await activityRepository.byRelated(filter.relatedType, filter.relatedId, { ...page, callerId: actor.userId, list }, filter.status), toActivity);
    }
    const ownerId = filter.ownerId ?? actor.userId;
    const status = filter.status ?? 'planned';
    return mapPage(await activityRepository.byOwner(ownerId, status, { ...page, callerId: actor.userId, list: `activities-of:${ownerId}:${status}` }), toActivity);
  },

  async get(actor: Actor, activityId: string): Promise<Activity> {
    return toActivity(await readable(actor, activityId));
  },

  async create(actor: Actor, input: ActivityCreate): Promise<Activity> {
    enforce(activityPolicy.read(actor), 'Activity');
    enforce(activityPolicy.create(actor, input.ownerId), 'Activity');
    await checkOwner(input.ownerId);
    const { accountId } = await resolveRelated(input.related.type, input.related.id);
    const at = nowIso();
    const status = input.status ?? (input.type === 'note' ? 'done' : 'planned');
    const { related, ...fields } = input;
    const dueAt = input.dueAt ? utc(input.dueAt) : undefined;
    const row = withoutUndefined({
      ...fields,
      ownerId: input.ownerId ?? actor.userId,
      activityId: newId(),
      relatedType: related.type,
      relatedId: related.id,
      accountId,
      dueAt,
      dueSort: dueAt ?? UNDATED,
      status,
      doneAt: status === 'done' ? at : undefined,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    await transact([activityRepository.createOperation(row), ...(accountId ? [timelineEntry(row, actor.userId, at)] : [])]);
    await rescoreIfLead(row);
    return toActivity(row);
  },

  async update(actor: Actor, activityId: string, version: number, patch: ActivityPatch): Promise<Activity> {
    const row = await readable(actor, activityId);
    enforce(activityPolicy.update(actor, row.ownerId, patch.ownerId), 'Activity');
    if (row.version !== version) throw new VersionConflictError(row.version);
    await checkOwner(patch.ownerId);
    const { version: _version, ...changes } = patch;
    const dueAt = changes.dueAt && utc(changes.dueAt);
    const next: ActivityRow = { ...changedRow(row, { ...changes, dueAt }), updatedAt: nowIso(), version: row.version + 1 };
    if (changes.dueAt !== undefined) next.dueSort = next.dueAt ?? UNDATED;
    await commit([activityRepository.replaceOperation(next, version)]);
    return toActivity(next);
  },

  /** Log planned work as done, with its outcome; shows on the account timeline. */
  async done(actor: Actor, activityId: string, input: ActivityDone, version?: number): Promise<Activity> {
    const row = await readable(actor, activityId);
    enforce(activityPolicy.update(actor, row.ownerId), 'Activity');
    if (row.status === 'done') throw new BusinessRuleError('activity_done', 'The activity is already done.');
    if (version !== undefined && row.version !== version) throw new VersionConflictError(row.version);
    const at = nowIso();
    const next = withoutUndefined({
      ...row,
      status: 'done',
      doneAt: at,
      outcome: input.outcome ?? row.outcome,
      durationMinutes: input.durationMinutes ?? row.durationMinutes,
      updatedAt: at,
      version: row.version + 1,
    });
    await commit([activityRepository.replaceOperation(next, row.version), ...(next.accountId ? [timelineEntry(next, actor.userId, at)] : [])]);
    await rescoreIfLead(next);
    return toActivity(next);
  },

  /** The caller's planned work: overdue, due today and in the coming days (Jakarta days). */
  async myDay(actor: Actor, now = new Date()): Promise<{ overdue: Activity[]; today: Activity[]; upcoming: Activity[] }> {
    enforce(activityPolicy.read(actor), 'Activity');
    const rows = await activityRepository.plannedDueBefore(actor.userId, myDayWindow(now).endOfUpcoming);
    const split = splitMyDay(rows, now);
    return { overdue: split.overdue.map(toActivity), today: split.today.map(toActivity), upcoming: split.upcoming.map(toActivity) };
  },
};
