/**
 * English texts of the service desk: tickets as both portals show them, the staff desk, the
 * customer portal’s support pages, service metrics, service settings and SLA policies.
 * Only the pages that import ./texts load them; `{name}` marks a parameter.
 */
export const deskEn = {
  // Tickets as both portals show them
  'desk.ticketStatus.new': 'New',
  'desk.ticketStatus.open': 'Open',
  'desk.ticketStatus.pending': 'Pending',
  'desk.ticketStatus.resolved': 'Resolved',
  'desk.ticketStatus.closed': 'Closed',

  'desk.ticketPriority.low': 'Low',
  'desk.ticketPriority.normal': 'Normal',
  'desk.ticketPriority.high': 'High',
  'desk.ticketPriority.urgent': 'Urgent',

  'desk.ticketChannel.portal': 'Customer portal',
  'desk.ticketChannel.email': 'E-mail',
  'desk.ticketChannel.phone': 'Phone',
  'desk.ticketChannel.web': 'Web form',
  'desk.ticketChannel.chat': 'Chat',
  'desk.ticketChannel.staff': 'Staff portal',

  'desk.category.delivery': 'Delivery',
  'desk.category.menu': 'Menu and food',
  'desk.category.invoice': 'Invoices and payment',
  'desk.category.order': 'Orders',
  'desk.category.account': 'My account',
  'desk.category.other': 'Other',
  'desk.category.none': 'No category',

  'desk.ticket.subject': 'Subject',
  'desk.ticket.description': 'Description',
  'desk.ticket.severity': 'Severity',
  'desk.ticket.channel': 'Channel',
  'desk.ticket.contact': 'Contact',
  'desk.ticket.assignee': 'Assignee',
  'desk.ticket.team': 'Team',
  'desk.ticket.opened': 'Opened',
  'desk.ticket.heading': 'Ticket {number}',
  'desk.ticket.request': 'Your request',
  'desk.ticket.thread': 'Conversation',
  'desk.ticket.openedBy': 'Opened the ticket',
  'desk.ticket.internalNote': 'Internal note',
  'desk.ticket.author.system': 'System',
  'desk.ticket.customer': 'Customer',
  'desk.ticket.via': 'via {channel}',

  'desk.attachments.label': 'Attach files',
  'desk.attachments.hint': 'Pictures, PDF, text, CSV, Word, Excel or zip; up to 10 files of at most 10 MB each.',
  'desk.attachments.list': 'Files to attach',
  'desk.attachments.waiting': 'waiting to upload',
  'desk.attachments.uploading': 'uploading',
  'desk.attachments.done': 'uploaded',
  'desk.attachments.failed': 'upload failed',
  'desk.attachments.progress': 'Upload of {name}',
  'desk.attachments.remove': 'Remove {name}',
  'desk.attachments.stillUploading': 'Wait until every file is uploaded.',
  'desk.attachments.download': 'Download {name} ({size})',
  'desk.attachments.newTicketMessage': 'Files for this request.',

  'desk.composer.reply': 'Your reply',
  'desk.composer.send': 'Send reply',
  'desk.composer.sent': 'Your reply was sent.',
  'desk.composer.kind': 'Kind of message',
  'desk.composer.toCustomer': 'Reply to customer',
  'desk.composer.toCustomerHint': 'The customer sees it in the portal and gets it by e-mail.',
  'desk.composer.internalHint': 'Only staff can read it. The customer is not told.',
  'desk.composer.addNote': 'Add internal note',
  'desk.composer.noteAdded': 'The internal note was added.',
  'desk.composer.canned': 'Insert a canned reply',
  'desk.composer.cannedNone': 'Choose a canned reply…',

  'desk.error.ticket_closed': 'This ticket is closed. Open a new ticket if you need more help.',
  'desk.error.csat_already_given': 'This ticket has been rated already.',
  'desk.error.ticket_not_resolved': 'A ticket can be rated once it is resolved.',
  'desk.error.account_required': 'Choose the account this ticket is about.',
  'desk.error.attachment_too_large': 'The file is larger than 10 MB.',
  'desk.error.attachment_type_not_allowed': 'This file type is not accepted.',
  'desk.error.article_not_published': 'Only a published article takes feedback.',
  'desk.error.field_not_allowed': 'This form sent a field that only staff may set. Reload the page and try again.',

  // The staff ticket desk: queues, severity, SLA, assignment
  'desk.severity.none': 'Not set',
  'desk.severity.1': '1 — Critical',
  'desk.severity.2': '2 — Major',
  'desk.severity.3': '3 — Minor',
  'desk.severity.4': '4 — Cosmetic',

  'desk.queue': 'Queue',
  'desk.queue.mine': 'Mine',
  'desk.queue.unassigned': 'Unassigned',
  'desk.queue.breaching': 'Breaching soon',
  'desk.queue.open': 'All open',

  'desk.empty.mine': 'No open tickets are assigned to you.',
  'desk.empty.unassigned': 'Every open ticket has an assignee.',
  'desk.empty.breaching': 'No ticket is close to breaching its SLA.',
  'desk.empty.open': 'No open tickets.',

  'desk.slaDue': 'SLA due',

  'desk.unassigned': 'Unassigned',

  'desk.me': 'Me ({name})',

  'desk.agent': 'Agent {id}',

  'desk.newTitle': 'New ticket from a phone call',

  'desk.create': 'Create ticket',

  'desk.pickAccount': 'Search for the customer’s account and select it.',

  'desk.noContact': 'No contact',

  'desk.contactsFailed': 'The account’s contacts could not be loaded.',

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

  'desk.sla.title': 'Service level',
  'desk.sla.firstResponseDue': 'First response due',
  'desk.sla.resolutionDue': 'Resolution due',
  'desk.sla.paused': 'Clock paused',
  'desk.sla.pausedText': 'Paused while we wait for the customer.',
  'desk.sla.onTrack': 'On track',
  'desk.sla.state': 'State',
  'desk.sla.met': 'answered',

  'desk.error.invalid_status_transition': 'The ticket cannot move to that status from where it is now.',
  'desk.error.visibility_required': 'Choose whether this is a reply to the customer or an internal note.',
  'desk.error.unknown_assignee': 'That person is not an active service agent.',
  'desk.error.unknown_team': 'There is no such service team.',
  'desk.error.unknown_account': 'That account does not exist.',

  // The customer portal’s support pages
  'desk.customer.intro': 'Ask us for help and follow each request until it is solved.',
  'desk.customer.empty': 'You have no support tickets yet.',
  'desk.customer.newIntro': 'Tell us what happened. We answer by e-mail and here in the portal.',
  'desk.customer.subjectHint': 'In a few words, for example “Lunch delivery arrived late”.',
  'desk.customer.descriptionHint': 'What happened, when, and which order or delivery it concerns.',
  'desk.customer.create': 'Send request',
  'desk.customer.uploading': 'Uploading files…',
  'desk.customer.suggestions': 'Did one of these answer your question?',
  'desk.customer.suggestionsHint': 'These articles from our knowledge base match your subject.',
  'desk.customer.closeText': 'Close ticket {number}? You cannot reply to it afterwards; open a new ticket if you need more help.',
  'desk.customer.closed': 'The ticket is closed.',
  'desk.customer.resolvedNotice': 'We marked this ticket as resolved. If something is still wrong, reply and we reopen it.',
  'desk.customer.rateTitle': 'How did we do?',
  'desk.customer.rateLegend': 'Your rating, from 1 (very dissatisfied) to 5 (very satisfied)',
  'desk.customer.score.1': '1 — Very dissatisfied',
  'desk.customer.score.2': '2 — Dissatisfied',
  'desk.customer.score.3': '3 — Neutral',
  'desk.customer.score.4': '4 — Satisfied',
  'desk.customer.score.5': '5 — Very satisfied',
  'desk.customer.rateComment': 'Comment',
  'desk.customer.rateSend': 'Send rating',
  'desk.customer.ratePick': 'Choose a rating from 1 to 5.',
  'desk.customer.rated': 'Your rating: {score} of 5',
  'desk.customer.ratedThanks': 'Thank you for rating our service.',

  // Service metrics (staff)
  'desk.metrics.range': 'Period',
  'desk.metrics.from': 'From',
  'desk.metrics.to': 'To',
  'desk.metrics.rangeHint': 'Tickets created in this period (at most a year).',
  'desk.metrics.firstResponse': 'First response time',
  'desk.metrics.resolution': 'Resolution time',
  'desk.metrics.compliance': 'SLA compliance',
  'desk.metrics.csat': 'Customer satisfaction',
  'desk.metrics.average': 'Average',
  'desk.metrics.median': 'Median',
  'desk.metrics.csatCount': 'from {n} ratings',
  'desk.metrics.byAgent': 'By agent',
  'desk.metrics.byTeam': 'By team',
  'desk.metrics.agent': 'Agent',
  'desk.metrics.noData': 'No tickets were created in this period.',
  'desk.home.title': 'Service desk',
  'desk.home.openDesk': 'Open the tickets',
  'desk.metrics.perDay': 'Tickets per day',
  'desk.metrics.day': 'Day',
  'desk.metrics.opened': 'Opened',
  'desk.metrics.resolved': 'Resolved',
  'desk.metrics.complianceTrend': 'SLA compliance per day',
  'desk.metrics.csatTrend': 'Satisfaction (CSAT) per day',
  'desk.metrics.trendNote': 'Of the tickets opened that day; a day without tickets shows nothing.',

  'desk.error.invalid_range': 'Choose a start day on or before the end day.',

  'desk.duration.hours': '{h} h {m} min',
  'desk.duration.days': '{d} d {h} h',

  'desk.error.range_too_long': 'Choose a period of at most a year.',

  // Service settings and the other admin screens (staff)
  'desk.admin.fix': 'Check these fields:',
  'desk.admin.duplicate': 'This is in the list already.',
  'desk.admin.categoryAdd': 'Add category',
  'desk.admin.categoryInvalid': 'Enter a category.',

  'desk.tier.low': 'Low',
  'desk.tier.normal': 'Normal',
  'desk.tier.high': 'High',

  'desk.error.unknown_team_member': 'A team member is not a staff user (any more): check the members of the teams.',

  // SLA policies (staff)

};
