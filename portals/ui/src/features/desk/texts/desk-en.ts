/**
 * English texts only the staff ticket desk shows: queues, severity, SLA, assignment (what
 * customers see too is in service-en.ts; the knowledge base editor and the metrics have their
 * own catalogues). `{name}` marks a parameter.
 */
export const deskEn = {
  'severity.none': 'Not set',
  'severity.1': '1 — Critical',
  'severity.2': '2 — Major',
  'severity.3': '3 — Minor',
  'severity.4': '4 — Cosmetic',

  'desk.queue': 'Queue',

  'queue.mine': 'Mine',
  'queue.unassigned': 'Unassigned',
  'queue.breaching': 'Breaching soon',
  'queue.open': 'All open',

  'desk.empty.mine': 'No open tickets are assigned to you.',
  'desk.empty.unassigned': 'Every open ticket has an assignee.',
  'desk.empty.breaching': 'No ticket is close to breaching its SLA.',
  'desk.empty.open': 'No open tickets.',
  'desk.slaDue': 'SLA due',
  'desk.unassigned': 'Unassigned',
  'desk.me': 'Me ({name})',
  'desk.agent': 'Agent {id}',
  'desk.new': 'New ticket',
  'desk.newTitle': 'New ticket from a phone call',
  'desk.create': 'Create ticket',
  'desk.creating': 'Creating…',
  'desk.pickAccount': 'Search for the customer’s account and select it.',
  'desk.noContact': 'No contact',
  'desk.contactsFailed': 'The account’s contacts could not be loaded.',
  'desk.details': 'Details',
  'desk.editTitle': 'Change ticket',
  'desk.noTeam': 'No team',
  'desk.close': 'Close ticket',
  'desk.closeTitle': 'Close ticket {number}',
  'desk.closeText': 'Close ticket {number}? Nobody can reply to it afterwards, and it cannot be reopened.',
  'desk.resolve': 'Resolve',
  'desk.resolved': 'The ticket is resolved. The customer was told and can rate it.',
  'desk.breachedBadge': 'SLA breached',
  'desk.overdue': 'overdue',
  'desk.rating': 'Customer rating',
  'desk.ratingValue': '{score} of 5',

  'sla.title': 'Service level',
  'sla.firstResponseDue': 'First response due',
  'sla.resolutionDue': 'Resolution due',
  'sla.paused': 'Clock paused',
  'sla.pausedText': 'Paused while we wait for the customer.',
  'sla.onTrack': 'On track',
  'sla.state': 'State',
  'sla.met': 'answered',

  'error.invalid_status_transition': 'The ticket cannot move to that status from where it is now.',
  'error.visibility_required': 'Choose whether this is a reply to the customer or an internal note.',
  'error.unknown_assignee': 'That person is not an active service agent.',
  'error.unknown_team': 'There is no such service team.',
  'error.unknown_account': 'That account does not exist.',
} as const;

export type DeskKey = keyof typeof deskEn;
