import type { Attachment, CsatCreate, Ticket, TicketCreate, TicketMessage, TicketMessageCreate, TicketPatch } from '../schemas/ticket.schema';
import { MAX_MESSAGE_LENGTH } from '../schemas/ticket.schema';
import { ServiceSettingsInputSchema, type ServiceSettings, type ServiceSettingsInput } from '../schemas/service-settings.schema';
import type { Account } from '../../crm/schemas/account.schema';
import type { Page } from '../../../platform/page';
import { isStaff, type Actor } from '../../identity/domain/identity';
import { type Locale } from '../../../platform/locale';
import type { MailTemplate } from '../../../platform/mail/mail-template';
import { CUSTOMER_CHANNEL, hasAccountWideRight, ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, ConflictError, DomainError, NotFoundError, ValidationError, VersionConflictError } from '../../../platform/errors';
import type { MessageAuthorType, MessageChannel, MessageVisibility, TicketChannel, TicketQueue, TicketStatus } from '../domain/service-vocabulary';
import { assigneeFor, isOpenStatus, openLoadChanges, teamFor } from '../domain/ticket-assignment';
import { DEFAULT_ESCALATION_RULE } from '../domain/escalation';
import { DEFAULT_SLA_POLICY, pickSlaPolicy, slaAfterFirstResponse, slaAfterPriorityChange, slaAfterStatusChange, slaStatus, startSla, type SlaPolicyRules } from '../domain/sla-policy';
import { serviceMetrics, type ServiceMetrics } from '../domain/ticket-metrics';
import { nowIso } from '../../../platform/clock';
import { config } from '../../../platform/config';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { accountRepository } from '../../crm/db/account.repository';
import { activityRepository } from '../../sales/db/activity.repository';
import { companyProfileRepository } from '../../commerce/db/company-profile.repository';
import { documentCounterRepository } from '../../../platform/db/document-counter.repository';
import { outboxRepository } from '../../../platform/mail/outbox.repository';
import { partyName, partyRepository, type PartyRow } from '../../identity/db/party.repository';
import { serviceSettingsRepository } from '../db/service-settings.repository';
import { slaPolicyRepository } from '../db/sla-policy.repository';
import { agentLoadRepository, ticketMessageRepository, ticketRepository, toTicket, type TicketMessageRow, type TicketRecord } from '../db/ticket.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { userRepository, type UserRow } from '../../identity/db/user.repository';
import { newId } from '../../../platform/db/keys';
import { isCancelled, op, transact } from '../../../platform/db/transaction';
import { DEFAULT_SLA_POLICY_ID } from './sla-policy.service';
import { replySubjectTag, threadMessageId } from './ticket-reply-token';
import { takeUploads, type TakenUploads } from './ticket-attachment.service';

type PageInput = { limit: number; cursor?: string };
type Author = { id: string; name: string; type: MessageAuthorType };
type TransactItem = Parameters<typeof transact>[0][number];

/** Which status may follow which; `new` is only ever the first, `closed` the last. */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/** How far ahead the breaching queue looks. */
const BREACHING_WINDOW_MINUTES = 60;

/** Attempts of a message post that races another change of its ticket. */
const POST_ATTEMPTS = 3;

/** The longest excerpt of a message on the timeline. */
const TIMELINE_EXCERPT = 200;

/** Where the customer follows (and rates) a ticket; where an agent works it. */
export const ticketUrl = (ticketId: string, portal: 'customer' | 'staff') => `${config().portalUrls[portal]}/ticket/?id=${encodeURIComponent(ticketId)}`;

const excerpt = (body: string) => (body.length > TIMELINE_EXCERPT ? `${body.slice(0, TIMELINE_EXCERPT - 1)}…` : body);

/** The company's name as ticket mails sign with it. */
export async function companyName(): Promise<string> {
  return (await companyProfileRepository.get())?.name ?? 'Relasi';
}

/** An e-mail about a ticket, its subject tagged with the number and reply token and threaded with the ticket's other mails, for the transaction of the change that causes it. */
export function ticketMailOperation(to: string, locale: Locale, template: MailTemplate, ticket: Pick<TicketRecord, 'ticketId' | 'number' | 'subject'>, params: { name: string; url: string; company: string; message?: string }) {
  return op.put(outboxRepository.mailOperation(to, template, locale, { ...params, title: ticket.subject, reference: replySubjectTag(ticket.number, ticket.ticketId) }, threadMessageId(ticket.ticketId)));
}

/** An internal note written by the system (SLA breach, escalation), for a transaction. */
export function systemNoteOperation(ticketId: string, body: string, at: string) {
  // Only staff read these notes, in the staff portal.
  return ticketMessageRepository.createOperation({ ticketId, messageId: newId(), body, visibility: 'internal', authorId: 'system', authorName: 'Relasi', authorType: 'system', channel: 'staff', attachments: [], createdAt: at });
}

/** A timeline entry about a ticket on its account's 360° view. */
export function ticketTimelineOperation(ticket: Pick<TicketRecord, 'ticketId' | 'accountId'>, title: string, summary: string, channel?: string, actorId?: string) {
  return timelineRepository.addOperation({ accountId: ticket.accountId, type: 'ticket', recordId: ticket.ticketId, title, summary, channel, actorId });
}

const partyLocale = (party: PartyRow): Locale => party.locale ?? 'id';

async function contactOf(ticket: TicketRecord): Promise<PartyRow | undefined> {
  return ticket.contactId ? partyRepository.get(ticket.contactId) : undefined;
}

/** An active staff login that can hold tickets, or 422. */
async function activeAgent(userId: string): Promise<UserRow> {
  const user = await userRepository.get(userId);
  if (!user || user.status !== 'active' || !user.audiences.includes('staff')) throw new BusinessRuleError('unknown_assignee', 'The assignee is not an active staff member.');
  return user;
}

/** The clock's rules when no stored policy applies to a ticket (or its policy was deleted since). */
const FALLBACK_SLA_POLICY: SlaPolicyRules = { id: DEFAULT_SLA_POLICY_ID, ...DEFAULT_SLA_POLICY };

async function policyOf(ticket: TicketRecord): Promise<SlaPolicyRules> {
  return (await slaPolicyRepository.getRules(ticket.sla.policyId)) ?? FALLBACK_SLA_POLICY;
}

/** The ticket in `to`, with its clock, resolution time and status-change time following. */
function withStatus(ticket: TicketRecord, to: TicketStatus, at: string, policy: SlaPolicyRules): TicketRecord {
  if (!TRANSITIONS[ticket.status].includes(to)) {
    if (ticket.status === 'closed') throw new BusinessRuleError('ticket_closed', 'The ticket is closed.');
    throw new BusinessRuleError('invalid_status_transition', `A ${ticket.status} ticket cannot become ${to}.`);
  }
  const resolves = to === 'resolved' || to === 'closed';
  const sla = slaAfterStatusChange(ticket.sla, policy, ticket.status, to, at);
  // The clock stops at resolution: resolving after a deadline is a breach even if no sweep saw it.
  const stopped = resolves && isOpenStatus(ticket.status) ? { ...sla, breached: slaStatus(ticket.sla, at).breached } : sla;
  return { ...ticket, status: to, statusChangedAt: at, sla: stopped, resolvedAt: resolves ? (ticket.resolvedAt ?? at) : undefined };
}

/** Timeline entries and the customer's resolution mail that a status change brings. */
async function statusEffects(before: TicketRecord, after: TicketRecord, actorId: string | undefined, channel?: string): Promise<TransactItem[]> {
  if (before.status === after.status) return [];
  const title = after.status === 'resolved' ? `Ticket ${after.number} resolved` : `Ticket ${after.number} ${before.status} → ${after.status}`;
  const items = [ticketTimelineOperation(after, title, after.subject, channel, actorId)];
  if (after.status === 'resolved') {
    const contact = await contactOf(after);
    if (contact?.email) items.push(ticketMailOperation(contact.email, partyLocale(contact), 'ticket_resolved', after, { name: partyName(contact), url: ticketUrl(after.ticketId, 'customer'), company: await companyName() }));
  }
  return items;
}

/** The assignment mail to a newly assigned agent (not when agents take a ticket themselves). */
async function assignmentMail(ticket: TicketRecord, actorId: string | undefined): Promise<TransactItem[]> {
  if (!ticket.assigneeId || ticket.assigneeId === actorId) return [];
  const agent = await userRepository.get(ticket.assigneeId);
  if (!agent) return [];
  return [ticketMailOperation(agent.email, agent.locale, 'ticket_assigned', ticket, { name: agent.name, url: ticketUrl(ticket.ticketId, 'staff'), company: await companyName() })];
}

/** Whether the customer's link to the account carries the account-wide right (always false for staff). */
async function accountWide(actor: Actor, accountId: string): Promise<boolean> {
  if (isStaff(actor) || !actor.accountIds.includes(accountId)) return false;
  return hasAccountWideRight((await accountContactRepository.get(accountId, actor.partyId))?.role);
}

/** The ticket if the caller reaches it (with the caller's account-wide right on it), else the 403/404 the policy says. */
async function reach(actor: Actor, ticketId: string): Promise<{ ticket: TicketRecord; wide: boolean }> {
  if (ticketPolicy.listScope(actor) === 'none') enforce('forbid', 'Ticket');
  const ticket = await ticketRepository.get(ticketId);
  if (!ticket) throw new NotFoundError('Ticket');
  const wide = await accountWide(actor, ticket.accountId);
  enforce(ticketPolicy.read(actor, ticket, wide), 'Ticket');
  return { ticket, wide };
}

/** 400 `field_not_allowed` naming each field the caller may not set (or not to the value given); nothing is written. */
function refuseFields(refused: { field: string; message: string }[]): void {
  if (refused.length === 0) return;
  const details = refused.map(({ field, message }) => ({ path: field, message, code: 'field_not_allowed' }));
  throw new ValidationError(`Not allowed: ${refused.map(({ field }) => field).join(', ')}. ${refused.map(({ message }) => message).join(' ')}`, details, 'field_not_allowed');
}

// ——— settings ———

const DEFAULT_SETTINGS: ServiceSettingsInput = { teams: [], cannedReplies: [], escalationRules: [DEFAULT_ESCALATION_RULE], managerEmails: [] };

/** Service desk settings: teams and assignment, canned replies, escalation rules, service managers. */
export const serviceSettingsService = {
  /** The stored settings, or the defaults (no teams, the default escalation rule) until an admin saves some. */
  async current(): Promise<ServiceSettings> {
    const stored = await serviceSettingsRepository.get();
    if (!stored) return { ...DEFAULT_SETTINGS, version: 0 };
    const parsed = ServiceSettingsInputSchema.safeParse(JSON.parse(stored.json));
    if (!parsed.success) {
      // Never expected (every save is validated); the desk keeps working on the defaults until an admin saves again.
      console.error(JSON.stringify({ level: 'error', message: 'service settings: stored document invalid, using defaults' }));
      return { ...DEFAULT_SETTINGS, version: stored.version, updatedAt: stored.updatedAt };
    }
    return { ...parsed.data, version: stored.version, updatedAt: stored.updatedAt };
  },

  /** The settings for staff (the portal's settings screen, canned replies for the reply box). */
  async read(actor: Actor): Promise<ServiceSettings> {
    enforce(ticketPolicy.readSettings(actor), 'Service settings');
    return this.current();
  },

  /** Replace the settings (admin); with `expectedVersion` only if nobody saved in between. Team members must be staff. */
  async replace(actor: Actor, input: ServiceSettingsInput, expectedVersion?: number): Promise<ServiceSettings> {
    enforce(ticketPolicy.manageSettings(actor), 'Service settings');
    return this.store(input, expectedVersion);
  },

  /** Validate and save the settings (also the demo seed's way in). */
  async store(input: ServiceSettingsInput, expectedVersion?: number): Promise<ServiceSettings> {
    const members = [...new Set(input.teams.flatMap((team) => team.memberIds))];
    const users = await Promise.all(members.map((id) => userRepository.get(id)));
    const unknown = members.filter((_, i) => !users[i] || !users[i]!.audiences.includes('staff'));
    if (unknown.length > 0) throw new BusinessRuleError('unknown_team_member', `Not staff members: ${unknown.join(', ')}.`);
    const current = await serviceSettingsRepository.get();
    const version = expectedVersion ?? current?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== (current?.version ?? 0)) throw new VersionConflictError(current?.version ?? 0);
    try {
      await transact([serviceSettingsRepository.putOperation(JSON.stringify(input), version, nowIso())]);
    } catch (error) {
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return this.current();
  },
};

// ——— intake ———

type Intake = {
  account: Account;
  contactId?: string;
  channel: TicketChannel;
  subject: string;
  description: string;
  priority: Ticket['priority'];
  severity?: Ticket['severity'];
  category?: string;
  assigneeId?: string;
  teamId?: string;
  activityId?: string;
  createdBy?: string;
  /** The opening message when the ticket came with files (an e-mail's attachments). */
  opening?: { author: Author; attachments: Attachment[] };
};

/**
 * Open a ticket: team by category (else the default team), the least loaded member of it
 * (round-robin on ties), the SLA clock from the matching policy, a number from the counter;
 * ticket, queue entry, agent load, rotation, timeline and mails in one transaction.
 */
async function openTicket(intake: Intake): Promise<TicketRecord> {
  const settings = await serviceSettingsService.current();
  const team = intake.teamId ? settings.teams.find((t) => t.id === intake.teamId) : teamFor(intake.category, settings);
  if (intake.teamId && !team) throw new BusinessRuleError('unknown_team', 'There is no such service team.');
  let assigneeId = intake.assigneeId;
  let rotated = false;
  if (!assigneeId && team) {
    const [counts, last] = await Promise.all([agentLoadRepository.openCounts(team.memberIds), serviceSettingsRepository.lastAssigned(team.id)]);
    assigneeId = assigneeFor(team, counts, last);
    rotated = assigneeId !== undefined;
  }
  const policy = pickSlaPolicy(await slaPolicyRepository.listActive(), { category: intake.category, channel: intake.channel, accountTier: intake.account.tier }) ?? FALLBACK_SLA_POLICY;
  const at = nowIso();
  const ticket: TicketRecord = {
    ticketId: newId(),
    number: await documentCounterRepository.next('ticket'),
    subject: intake.subject,
    description: intake.description,
    accountId: intake.account.id,
    ...(intake.contactId ? { contactId: intake.contactId } : {}),
    channel: intake.channel,
    priority: intake.priority,
    ...(intake.severity !== undefined ? { severity: intake.severity } : {}),
    ...(intake.category ? { category: intake.category } : {}),
    status: 'new',
    ...(assigneeId ? { assigneeId } : {}),
    ...(team ? { teamId: team.id } : {}),
    ...(intake.activityId ? { activityId: intake.activityId } : {}),
    sla: startSla(policy, intake.priority, at),
    ...(intake.createdBy ? { createdBy: intake.createdBy } : {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const [contact, company, toAgent] = await Promise.all([contactOf(ticket), companyName(), assignmentMail(ticket, intake.createdBy)]);
  await transact([
    ...ticketRepository.createOperations(ticket),
    ...agentLoadRepository.adjustOperations(openLoadChanges(undefined, ticket)),
    ...(rotated && team && assigneeId ? [serviceSettingsRepository.rotationOperation(team.id, assigneeId)] : []),
    ticketTimelineOperation(ticket, `Ticket ${ticket.number} opened`, ticket.subject, ticket.channel, intake.createdBy),
    ...(intake.opening
      ? [ticketMessageRepository.createOperation({ ticketId: ticket.ticketId, messageId: newId(), body: ticket.description, visibility: 'public', authorId: intake.opening.author.id, authorName: intake.opening.author.name, authorType: intake.opening.author.type, channel: ticket.channel, attachments: intake.opening.attachments, createdAt: at })]
      : []),
    ...(contact?.email ? [ticketMailOperation(contact.email, partyLocale(contact), 'ticket_created', ticket, { name: partyName(contact), url: ticketUrl(ticket.ticketId, 'customer'), company })] : []),
    ...toAgent,
  ]);
  return ticket;
}

/** The account a ticket is opened on: named, or the customer's only one. */
async function intakeAccount(actor: Actor, accountId: string | undefined): Promise<Account> {
  const id = accountId ?? (!isStaff(actor) && actor.accountIds.length === 1 ? actor.accountIds[0] : undefined);
  if (!id) throw new ValidationError('Name the account of the ticket.', undefined, 'account_required');
  const account = await accountRepository.get(id);
  if (!account) {
    if (!isStaff(actor)) throw new NotFoundError('Account');
    throw new BusinessRuleError('unknown_account', 'The account does not exist.');
  }
  return account;
}

// ——— conversation ———

type Post = {
  body: string;
  visibility: MessageVisibility;
  channel: MessageChannel;
  attachments: Attachment[];
  /** Uploaded files the message takes: linked in its transaction. */
  uploads?: Pick<TakenUploads, 'link' | 'stillTakeable'>;
};

/**
 * Add a message, with what it does to the ticket: the first public staff reply stops the
 * first-response clock and opens a new ticket, a customer reply reopens a pending or resolved ticket; public
 * messages go on the timeline and public staff replies to the customer by e-mail. Retried
 * when the ticket changed meanwhile (the author did not write against a version).
 */
async function postMessage(current: TicketRecord, author: Author, post: Post): Promise<TicketMessage> {
  for (let attempt = 1; ; attempt++) {
    const ticket = attempt === 1 ? current : ((await ticketRepository.get(current.ticketId)) ?? current);
    if (ticket.status === 'closed') throw new BusinessRuleError('ticket_closed', 'The ticket is closed; open a new one.');
    const at = nowIso();
    const staffReply = author.type === 'staff' && post.visibility === 'public';
    const reopens = author.type === 'customer' && (ticket.status === 'pending' || ticket.status === 'resolved');
    let next = ticket;
    if (staffReply && !ticket.sla.firstRespondedAt) next = { ...next, sla: slaAfterFirstResponse(next.sla, at) };
    // Someone is on it: the first public staff reply moves a new ticket to open.
    if (reopens || (staffReply && ticket.status === 'new')) next = withStatus(next, 'open', at, await policyOf(ticket));
    const { uploads, ...content } = post;
    const message: TicketMessageRow = { ticketId: ticket.ticketId, messageId: newId(), ...content, authorId: author.id, authorName: author.name, authorType: author.type, createdAt: at };
    const items: TransactItem[] = [ticketMessageRepository.createOperation(message), ...(uploads?.link(message.messageId, message.visibility) ?? [])];
    if (next !== ticket) {
      items.push(...ticketRepository.saveOperations({ ...next, version: ticket.version + 1, updatedAt: at }, ticket.version), ...agentLoadRepository.adjustOperations(openLoadChanges(ticket, next)));
      items.push(...(await statusEffects(ticket, next, author.type === 'customer' ? undefined : author.id, post.channel)));
    }
    if (post.visibility === 'public') {
      const title = author.type === 'staff' ? `Reply on ticket ${ticket.number}` : `Customer message on ticket ${ticket.number}`;
      items.push(ticketTimelineOperation(ticket, title, excerpt(post.body), post.channel, author.type === 'staff' ? author.id : undefined));
    }
    if (staffReply) {
      const contact = await contactOf(ticket);
      if (contact?.email) items.push(ticketMailOperation(contact.email, partyLocale(contact), 'ticket_reply', ticket, { name: partyName(contact), url: ticketUrl(ticket.ticketId, 'customer'), company: await companyName(), message: post.body }));
    }
    try {
      await transact(items);
      const { ticketId: _ticketId, messageId, ...rest } = message;
      return { ...rest, id: messageId };
    } catch (error) {
      if (!isCancelled(error)) throw error;
      // An upload another message took or whose clean-up began meanwhile: no retry links it.
      await uploads?.stillTakeable();
      if (next === ticket || attempt >= POST_ATTEMPTS) throw new VersionConflictError();
    }
  }
}

/** Who the caller is as a message author. */
async function authorOf(actor: Actor): Promise<Author> {
  if (isStaff(actor)) return { id: actor.userId, name: (await userRepository.get(actor.userId))?.name ?? 'Staff', type: 'staff' };
  const party = await partyRepository.get(actor.partyId);
  return { id: actor.partyId, name: party ? partyName(party) : 'Customer', type: 'customer' };
}

// ——— the API's use cases ———

export const ticketService = {
  /**
   * Staff: a work queue (default `open`) or one account's tickets. A customer: its own
   * tickets and, on accounts where it has the account-wide right, all of theirs; a named
   * account must be one of its own (else 404).
   */
  async list(actor: Actor, page: PageInput, filter: { queue?: TicketQueue; accountId?: string }): Promise<Page<Ticket>> {
    const scope = ticketPolicy.listScope(actor);
    if (scope === 'none') enforce('forbid', 'Ticket');
    const request = (list: string) => ({ ...page, callerId: actor.userId, list: `tickets:${list}` });
    if (scope === 'all') {
      if (filter.queue && filter.accountId) throw new ValidationError('Filter by a queue or by an account, not both.', undefined, 'conflicting_filters');
      if (filter.accountId) return ticketRepository.byAccount(filter.accountId, request(`account:${filter.accountId}`));
      const queue = filter.queue ?? 'open';
      if (queue === 'mine') return ticketRepository.openByAssignee(actor.userId, request('mine'));
      if (queue === 'unassigned') return ticketRepository.openByAssignee(undefined, request('unassigned'));
      if (queue === 'breaching') return ticketRepository.dueBy(new Date(Date.now() + BREACHING_WINDOW_MINUTES * 60_000).toISOString(), request('breaching'));
      return ticketRepository.open(request('open'));
    }
    if (filter.queue) enforce('forbid', 'Ticket');
    if (filter.accountId && !actor.accountIds.includes(filter.accountId)) throw new NotFoundError('Account');
    const accounts = filter.accountId ? [filter.accountId] : actor.accountIds;
    const rights = await Promise.all(accounts.map((id) => accountWide(actor, id)));
    const wide = accounts.filter((_, i) => rights[i]);
    const own = accounts.filter((_, i) => !rights[i]);
    const ownOnly = (result: Page<Ticket>) => ({ items: result.items.filter((t) => own.includes(t.accountId)), nextCursor: result.nextCursor });
    if (wide.length === 0) return ownOnly(await ticketRepository.byContact(actor.partyId, request(`contact:${accounts.join(',')}`)));
    if (wide.length === 1 && own.length === 0) return ticketRepository.byAccount(wide[0]!, request(`account:${wide[0]}`));
    // Several sources (few tickets per customer): the first page of each, merged newest first.
    const first = (list: string) => ({ limit: 100, callerId: actor.userId, list: `tickets:${list}` });
    const pages = await Promise.all([...wide.map((id) => ticketRepository.byAccount(id, first(`account:${id}`))), ...(own.length > 0 ? [ticketRepository.byContact(actor.partyId, first('contact')).then(ownOnly)] : [])]);
    const items = [...new Map(pages.flatMap((p) => p.items).map((t) => [t.id, t])).values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { items: items.slice(0, page.limit), nextCursor: null };
  },

  /** One ticket the caller reaches (foreign and missing alike are 404). */
  async get(actor: Actor, ticketId: string): Promise<Ticket> {
    return toTicket((await reach(actor, ticketId)).ticket);
  },

  /** A customer opens a ticket in the portal on one of its accounts; staff log one from a call, a web form, a chat… */
  async create(actor: Actor, input: TicketCreate): Promise<Ticket> {
    enforce(ticketPolicy.create(actor, input.accountId), 'Account');
    refuseFields(ticketPolicy.refusedIntakeFields(actor, input).map((field) => ({ field, message: field === 'channel' ? `A customer's ticket comes through the customer portal: channel may only be ${CUSTOMER_CHANNEL}.` : `Only staff set ${field}.` })));
    return toTicket(await createFor(actor, input, CUSTOMER_CHANNEL));
  },

  /** Change a ticket (If-Match): staff set priority, severity, category, status, assignee, team; a customer may only close it. */
  async update(actor: Actor, ticketId: string, version: number, patch: TicketPatch): Promise<Ticket> {
    const { ticket, wide } = await reach(actor, ticketId);
    const { version: _bodyVersion, ...changes } = patch;
    const fields = Object.entries(changes).filter(([, value]) => value !== undefined).map(([field]) => field);
    enforce(ticketPolicy.update(actor, ticket, wide, fields.length === 1 && changes.status === 'closed'), 'Ticket');
    if (ticket.version !== version) throw new VersionConflictError(ticket.version);
    if (ticket.status === 'closed') throw new BusinessRuleError('ticket_closed', 'The ticket is closed.');
    const at = nowIso();
    let next: TicketRecord = { ...ticket };
    if (changes.subject !== undefined) next.subject = changes.subject;
    if (changes.severity !== undefined) next.severity = changes.severity ?? undefined;
    if (changes.category !== undefined) next.category = changes.category ?? undefined;
    if (changes.teamId) {
      const settings = await serviceSettingsService.current();
      if (!settings.teams.some((team) => team.id === changes.teamId)) throw new BusinessRuleError('unknown_team', 'There is no such service team.');
    }
    if (changes.teamId !== undefined) next.teamId = changes.teamId ?? undefined;
    if (changes.assigneeId) await activeAgent(changes.assigneeId);
    if (changes.assigneeId !== undefined) next.assigneeId = changes.assigneeId ?? undefined;
    const priority = changes.priority !== undefined && changes.priority !== ticket.priority ? changes.priority : undefined;
    const status = changes.status !== undefined && changes.status !== ticket.status ? changes.status : undefined;
    if (priority || status) {
      const policy = await policyOf(ticket);
      if (priority) next = { ...next, priority, sla: slaAfterPriorityChange(next.sla, policy, priority, ticket.createdAt, at) };
      if (status) next = withStatus(next, status, at, policy);
    }
    next = { ...next, version: ticket.version + 1, updatedAt: at };
    const items = [
      ...ticketRepository.saveOperations(next, ticket.version),
      ...agentLoadRepository.adjustOperations(openLoadChanges(ticket, next)),
      ...(await statusEffects(ticket, next, isStaff(actor) ? actor.userId : undefined, isStaff(actor) ? undefined : CUSTOMER_CHANNEL)),
      ...(next.assigneeId !== ticket.assigneeId ? await assignmentMail(next, actor.userId) : []),
    ];
    try {
      await transact(items);
    } catch (error) {
      if (isCancelled(error)) throw new VersionConflictError();
      throw error;
    }
    return toTicket(next);
  },

  /** The conversation, oldest first; customers never get internal notes (they are read from a public-only index). */
  async messages(actor: Actor, ticketId: string, page: PageInput): Promise<Page<TicketMessage>> {
    await reach(actor, ticketId);
    const internal = ticketPolicy.readInternal(actor);
    return ticketMessageRepository.list(ticketId, { ...page, callerId: actor.userId, list: `ticket-messages:${ticketId}:${internal}` }, internal);
  },

  /** A reply or an internal note (staff must say which); customers reply publicly. */
  async postMessage(actor: Actor, ticketId: string, input: TicketMessageCreate): Promise<TicketMessage> {
    const { ticket, wide } = await reach(actor, ticketId);
    const visibility = input.visibility ?? (isStaff(actor) ? undefined : 'public');
    if (!visibility) throw new ValidationError('Say whether the message is public (sent to the customer) or an internal note.', undefined, 'visibility_required');
    enforce(ticketPolicy.post(actor, ticket, wide, visibility), 'Ticket');
    const channels = ticketPolicy.messageChannels(actor);
    if (input.channel !== undefined && !channels.includes(input.channel)) refuseFields([{ field: 'channel', message: `Your messages name one of these channels: ${channels.join(', ')}.` }]);
    const author = await authorOf(actor);
    const channel = input.channel ?? (isStaff(actor) ? 'staff' : CUSTOMER_CHANNEL);
    const uploads = input.attachmentIds?.length ? await takeUploads(actor, ticketId, input.attachmentIds) : undefined;
    try {
      const message = await postMessage(ticket, author, { body: input.body, visibility, channel, attachments: uploads?.attachments ?? [], ...(uploads ? { uploads } : {}) });
      await uploads?.posted();
      return message;
    } catch (error) {
      // A domain error means nothing was written; after any other failure the message may have been posted, so its copies stay.
      if (error instanceof DomainError) await uploads?.abandoned();
      throw error;
    }
  },

  /** The customer rates a resolved ticket, once. */
  async rate(actor: Actor, ticketId: string, input: CsatCreate): Promise<Ticket> {
    const { ticket, wide } = await reach(actor, ticketId);
    enforce(ticketPolicy.rate(actor, ticket, wide), 'Ticket');
    if (ticket.csat) throw new ConflictError('csat_already_given', 'This ticket has been rated already.');
    if (ticket.status !== 'resolved' && ticket.status !== 'closed') throw new BusinessRuleError('ticket_not_resolved', 'A ticket can be rated once it is resolved.');
    const at = nowIso();
    const next: TicketRecord = { ...ticket, csat: { score: input.score, ...(input.comment ? { comment: input.comment } : {}) }, version: ticket.version + 1, updatedAt: at };
    try {
      await transact([...ticketRepository.saveOperations(next, ticket.version), ticketTimelineOperation(ticket, `Ticket ${ticket.number} rated ${input.score}/5`, input.comment ? excerpt(input.comment) : ticket.subject, CUSTOMER_CHANNEL)]);
    } catch (error) {
      if (!isCancelled(error)) throw error;
      if ((await ticketRepository.get(ticketId))?.csat) throw new ConflictError('csat_already_given', 'This ticket has been rated already.');
      throw new VersionConflictError();
    }
    return toTicket(next);
  },

  /** Service metrics over the tickets created from `from` to `to` (UTC days, inclusive), in wall-clock minutes. */
  async metrics(actor: Actor, from: string, to: string): Promise<ServiceMetrics> {
    enforce(ticketPolicy.readMetrics(actor), 'Service metrics');
    if (from > to) throw new ValidationError('`from` must not be after `to`.', undefined, 'invalid_range');
    if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new ValidationError('Ask for at most a year at a time.', undefined, 'range_too_long');
    const now = nowIso();
    const tickets = await ticketRepository.createdBetween(`${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`);
    return serviceMetrics(
      tickets.map((t) => ({
        agentId: t.assigneeId,
        teamId: t.teamId,
        createdAt: t.createdAt,
        firstRespondedAt: t.sla.firstRespondedAt,
        resolvedAt: t.resolvedAt,
        breached: t.sla.breached || (isOpenStatus(t.status) && slaStatus(t.sla, now).breached),
        csatScore: t.csat?.score,
      })),
    );
  },
};

/** A customer contact's ticket on `account`: normal priority, the contact as its contact, files on its opening message. */
async function openForContact(contact: PartyRow, account: Account, input: Pick<TicketCreate, 'subject' | 'description' | 'category'>, channel: TicketChannel, attachments: Attachment[]): Promise<TicketRecord> {
  return openTicket({
    account,
    contactId: contact.partyId,
    channel,
    subject: input.subject,
    description: input.description,
    priority: 'normal',
    ...(input.category ? { category: input.category } : {}),
    ...(attachments.length > 0 ? { opening: { author: { id: contact.partyId, name: partyName(contact), type: 'customer' }, attachments } } : {}),
  });
}

/** Open a ticket for `actor` (policy already checked); customers' tickets get `customerChannel`. */
async function createFor(actor: Actor, input: TicketCreate, customerChannel: TicketChannel, attachments: Attachment[] = []): Promise<TicketRecord> {
  const account = await intakeAccount(actor, input.accountId);
  if (!isStaff(actor)) {
    const contact = await partyRepository.get(actor.partyId);
    if (!contact) throw new NotFoundError('Contact');
    return openForContact(contact, account, input, customerChannel, attachments);
  }
  if (!input.channel) throw new ValidationError('Say through which channel the ticket came in.', undefined, 'channel_required');
  if (input.contactId && !(await accountContactRepository.get(account.id, input.contactId))) throw new BusinessRuleError('unknown_contact', 'The contact is not a contact of this account.');
  if (input.activityId) {
    const activity = await activityRepository.get(input.activityId);
    if (!activity || activity.type !== 'call' || activity.accountId !== account.id) throw new BusinessRuleError('unknown_activity', 'The activity is not a call on this account.');
  }
  if (input.assigneeId) await activeAgent(input.assigneeId);
  return openTicket({
    account,
    ...(input.contactId ? { contactId: input.contactId } : {}),
    channel: input.channel,
    subject: input.subject,
    description: input.description,
    priority: input.priority ?? 'normal',
    ...(input.severity !== undefined ? { severity: input.severity } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
    ...(input.teamId ? { teamId: input.teamId } : {}),
    ...(input.activityId ? { activityId: input.activityId } : {}),
    createdBy: actor.userId,
  });
}

// ——— e-mail intake (called by the inbound mail handler after it parsed the mail) ———

export type InboundTicketMail = { fromEmail: string; fromName?: string; subject: string; body: string; attachments: Attachment[] };
export type EmailRefusal = { status: 'refused'; reason: 'unknown_sender' | 'no_account' | 'unknown_ticket' | 'ticket_closed' };

const fit = (text: string, max: number, empty: string) => {
  const trimmed = text.trim();
  return trimmed ? trimmed.slice(0, max) : empty;
};

function refuse(reason: EmailRefusal['reason'], fromEmail: string): EmailRefusal {
  console.warn(JSON.stringify({ level: 'warn', message: 'ticket e-mail refused', reason, from: fromEmail }));
  return { status: 'refused', reason };
}

/** The parties with this e-mail address (any case), oldest first, each with the accounts it is a contact of. */
async function sendersByEmail(email: string): Promise<{ party: PartyRow; accountIds: string[] }[]> {
  const parties = await partyRepository.findByEmail(email);
  return Promise.all(parties.map(async (party) => ({ party, accountIds: await accountContactRepository.accountIdsOf(party.partyId) })));
}

/**
 * A new ticket from an e-mail: the sender must be a contact linked to an account, with or
 * without a portal login (the oldest such contact with that address; its first account when
 * several). Other senders are refused and logged.
 */
export async function createTicketFromEmail(mail: InboundTicketMail): Promise<{ status: 'created'; ticket: Ticket } | EmailRefusal> {
  const contacts = (await sendersByEmail(mail.fromEmail)).filter(({ party }) => party.isContact);
  if (contacts.length === 0) return refuse('unknown_sender', mail.fromEmail);
  for (const { party, accountIds: [accountId] } of contacts) {
    const account = accountId ? await accountRepository.get(accountId) : undefined;
    if (!account) continue;
    const ticket = await openForContact(party, account, { subject: fit(mail.subject, 200, '(no subject)'), description: fit(mail.body, MAX_MESSAGE_LENGTH, '(empty message)') }, 'email', mail.attachments);
    return { status: 'created', ticket: toTicket(ticket) };
  }
  return refuse('no_account', mail.fromEmail);
}

/**
 * A reply by e-mail to a ticket whose reply token the caller has verified: the sender must be
 * the ticket's contact or a contact of its account; it is added as the customer's public message.
 */
export async function addEmailReply(ticketId: string, mail: { fromEmail: string; body: string; attachments: Attachment[] }): Promise<{ status: 'added'; message: TicketMessage } | EmailRefusal> {
  const ticket = await ticketRepository.get(ticketId);
  if (!ticket) return refuse('unknown_ticket', mail.fromEmail);
  // The ticket's own contact first, should several parties share the address.
  const senders = (await sendersByEmail(mail.fromEmail)).sort((a, b) => Number(b.party.partyId === ticket.contactId) - Number(a.party.partyId === ticket.contactId));
  const sender = senders.find(({ accountIds }) => ticketPolicy.emailReply(accountIds, ticket) === 'allow')?.party;
  if (!sender) return refuse('unknown_sender', mail.fromEmail);
  if (ticket.status === 'closed') return refuse('ticket_closed', mail.fromEmail);
  const message = await postMessage(ticket, { id: sender.partyId, name: partyName(sender), type: 'customer' }, { body: fit(mail.body, MAX_MESSAGE_LENGTH, '(empty message)'), visibility: 'public', channel: 'email', attachments: mail.attachments });
  return { status: 'added', message };
}
