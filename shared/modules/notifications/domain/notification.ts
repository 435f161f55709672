/** What a notification is about: why a person is told (the mail and the bell say it the same way). */
export const NOTIFICATION_KINDS = [
  'activity_due',
  'lead_assigned',
  'opportunity_assigned',
  'ticket_assigned',
  'customer_replied',
  'quote_accepted',
  'sla_breach_soon',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds of record a notification links to (each has a staff page `/<type>/?id=`). */
export const NOTIFIED_RECORD_TYPES = ['lead', 'opportunity', 'ticket', 'quote', 'contact', 'account'] as const;
export type NotifiedRecordType = (typeof NOTIFIED_RECORD_TYPES)[number];

/** How long before a planned call or meeting its owner is reminded, when the profile says nothing. */
export const DEFAULT_REMINDER_LEAD_MINUTES = 15;
export const MAX_REMINDER_LEAD_MINUTES = 1440;

/**
 * One thing to tell one person. `cause` names what caused it, the same however often that cause
 * is seen (a replayed stream record, a retried sweep): the notification's key is derived from it,
 * so the second sighting writes nothing.
 */
export type NotificationDraft = {
  recipientId: string;
  kind: NotificationKind;
  cause: string;
  record: { type: NotifiedRecordType; id: string; title: string };
};

/** The staff page of a record, as a path under the staff portal. */
export function recordPath(type: NotifiedRecordType, id: string): string {
  return `/${type}/?id=${encodeURIComponent(id)}`;
}

/** An item as the table stream carries it (unmarshalled), untyped: the triggers read only what they need. */
export type StreamItem = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The new owner of a record whose owner changed (or who got one on creation); undefined when no one newly owns it. */
function newOwner(item: StreamItem, old: StreamItem | undefined, field: string): string | undefined {
  const owner = text(item[field]);
  if (!owner || owner === text(old?.[field])) return undefined;
  // Taking a record oneself is no news to oneself.
  if (owner === text(item.updatedBy) || (!old && owner === text(item.createdBy))) return undefined;
  return owner;
}

/**
 * The notifications a change of one stored record causes (old image vs new image of its stream
 * record): a lead, opportunity or ticket given to someone, a customer's public reply on an assigned
 * ticket (`ticket` looks the ticket up), a quote accepted. Pure: the caller writes them.
 */
export function notificationsOfChange(item: StreamItem, old: StreamItem | undefined, ticketOf?: (ticketId: string) => StreamItem | undefined): NotificationDraft[] {
  const version = String(item.version ?? '');
  switch (item.__edb_e__) {
    case 'lead': {
      // Leads a CSV import creates are many at once: their owners see them in their lead list, not one notice each.
      if (!old && text(item.importId)) return [];
      const owner = newOwner(item, old, 'ownerId');
      return owner ? [{ recipientId: owner, kind: 'lead_assigned', cause: `lead_assigned#${String(item.leadId)}#${version}`, record: { type: 'lead', id: String(item.leadId), title: String(item.title ?? '') } }] : [];
    }
    case 'opportunity': {
      const owner = newOwner(item, old, 'ownerId');
      return owner ? [{ recipientId: owner, kind: 'opportunity_assigned', cause: `opportunity_assigned#${String(item.opportunityId)}#${version}`, record: { type: 'opportunity', id: String(item.opportunityId), title: String(item.name ?? '') } }] : [];
    }
    case 'ticket': {
      const owner = newOwner(item, old, 'assigneeId');
      return owner ? [{ recipientId: owner, kind: 'ticket_assigned', cause: `ticket_assigned#${String(item.ticketId)}#${version}`, record: { type: 'ticket', id: String(item.ticketId), title: ticketTitle(item) } }] : [];
    }
    case 'ticketMessage': {
      if (old || item.authorType !== 'customer' || item.visibility !== 'public') return [];
      const ticket = ticketOf?.(String(item.ticketId));
      const assignee = text(ticket?.assigneeId);
      if (!ticket || !assignee) return [];
      return [{ recipientId: assignee, kind: 'customer_replied', cause: `customer_replied#${String(item.ticketId)}#${String(item.messageId)}`, record: { type: 'ticket', id: String(item.ticketId), title: ticketTitle(ticket) } }];
    }
    case 'quote': {
      const owner = text(item.createdBy);
      if (item.status !== 'accepted' || old?.status === 'accepted' || !owner) return [];
      return [{ recipientId: owner, kind: 'quote_accepted', cause: `quote_accepted#${String(item.quoteId)}`, record: { type: 'quote', id: String(item.quoteId), title: String(item.number ?? '') } }];
    }
    default:
      return [];
  }
}

/** A ticket as people name it: number and subject. */
export function ticketTitle(ticket: StreamItem): string {
  return [text(ticket.number), text(ticket.subject)].filter(Boolean).join(' · ');
}

/** Whether a new customer message needs the ticket looked up (the pure step cannot read it). */
export function needsTicket(item: StreamItem, old: StreamItem | undefined): string | undefined {
  return item.__edb_e__ === 'ticketMessage' && !old && item.authorType === 'customer' && item.visibility === 'public' ? String(item.ticketId) : undefined;
}

/**
 * A planned, dated, owned activity, not yet due, whose reminder needs (re)scheduling: new, or its due time,
 * owner or status changed. Done or undated activities need none; the reminder itself checks the
 * activity again when it is due, so an old time never reminds.
 */
export function reminderToSchedule(item: StreamItem, old: StreamItem | undefined, now: string): { activityId: string; dueAt: string; ownerId: string } | undefined {
  if (item.__edb_e__ !== 'activity' || item.status !== 'planned') return undefined;
  const dueAt = text(item.dueAt);
  const ownerId = text(item.ownerId);
  // Already due: the owner sees it among the overdue on their home; a mail now would only be noise (the demo seed, a backdated entry).
  if (!dueAt || !ownerId || dueAt <= now) return undefined;
  if (old && old.status === 'planned' && old.dueAt === dueAt && old.ownerId === ownerId) return undefined;
  return { activityId: String(item.activityId), dueAt, ownerId };
}
