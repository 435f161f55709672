import type { Attachment, CsatCreate, Ticket, TicketMessage, TicketMessageCreate, TicketPatch } from '../schemas/ticket.schema';
import type { Page } from '../../../platform/page';
import { mapPage } from '../../../platform/page';
import { isStaff, type Actor } from '../../identity/domain/identity';
import { CUSTOMER_CHANNEL, ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, ConflictError, DomainError, ValidationError, VersionConflictError } from '../../../platform/errors';
import type { MessageChannel, MessageVisibility } from '../domain/service-vocabulary';
import type { MessageAuthor } from '../domain/ticket';
import { openLoadChanges } from '../domain/ticket-assignment';
import { slaAfterFirstResponse, slaAfterPriorityChange } from '../domain/sla-policy';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { isCancelled, transact } from '../../../platform/db/transaction';
import { partyName, partyRepository } from '../../identity/db/party.repository';
import { userRepository } from '../../identity/db/user.repository';
import type { TicketMessageRow } from '../db/ticket-message.entity';
import { agentLoadRepository, ticketMessageRepository, ticketRepository, type TicketRecord } from '../db/ticket.repository';
import { toTicket, toTicketMessage } from './desk-views';
import { serviceSettingsService } from './settings.service';
import { takeUploads, type TakenUploads } from './ticket-attachment.service';
import { reachTicket, refuseFields } from './ticket-access';
import { assignmentMail, contactMail, excerpt, ticketTimelineOperation, type TransactItem } from './ticket-notices';
import { ensureActiveAgent, policyOf, statusEffects, withStatus } from './ticket-workflow';

type PageInput = { limit: number; cursor?: string };

/** Attempts of a message post that races another change of its ticket. */
const POST_ATTEMPTS = 3;

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
export async function addMessage(current: TicketRecord, author: MessageAuthor, post: Post): Promise<TicketMessage> {
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
    if (staffReply) items.push(...(await contactMail(ticket, 'ticket_reply', post.body)));
    try {
      await transact(items);
      return toTicketMessage(message);
    } catch (error) {
      if (!isCancelled(error)) throw error;
      // An upload another message took or whose clean-up began meanwhile: no retry links it.
      await uploads?.stillTakeable();
      if (next === ticket || attempt >= POST_ATTEMPTS) throw new VersionConflictError();
    }
  }
}

/** Who the caller is as a message author. */
async function authorOf(actor: Actor): Promise<MessageAuthor> {
  if (isStaff(actor)) return { id: actor.userId, name: (await userRepository.get(actor.userId))?.name ?? 'Staff', type: 'staff' };
  const party = await partyRepository.get(actor.partyId);
  return { id: actor.partyId, name: party ? partyName(party) : 'Customer', type: 'customer' };
}

/** Working a ticket: changing it (status, assignment, priority…), its conversation, the customer's rating. */
export const ticketConversationService = {
  /** Change a ticket (If-Match): staff set priority, severity, category, status, assignee, team; a customer may only close it. */
  async update(actor: Actor, ticketId: string, version: number, patch: TicketPatch): Promise<Ticket> {
    const { ticket, wide } = await reachTicket(actor, ticketId);
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
    if (changes.assigneeId) await ensureActiveAgent(changes.assigneeId);
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
    await reachTicket(actor, ticketId);
    const internal = ticketPolicy.readInternal(actor);
    return mapPage(await ticketMessageRepository.list(ticketId, { ...page, callerId: actor.userId, list: `ticket-messages:${ticketId}:${internal}` }, internal), toTicketMessage);
  },

  /** A reply or an internal note (staff must say which); customers reply publicly. */
  async postMessage(actor: Actor, ticketId: string, input: TicketMessageCreate): Promise<TicketMessage> {
    const { ticket, wide } = await reachTicket(actor, ticketId);
    const visibility = input.visibility ?? (isStaff(actor) ? undefined : 'public');
    if (!visibility) throw new ValidationError('Say whether the message is public (sent to the customer) or an internal note.', undefined, 'visibility_required');
    enforce(ticketPolicy.post(actor, ticket, wide, visibility), 'Ticket');
    const channels = ticketPolicy.messageChannels(actor);
    if (input.channel !== undefined && !channels.includes(input.channel)) refuseFields([{ field: 'channel', message: `Your messages name one of these channels: ${channels.join(', ')}.` }]);
    const author = await authorOf(actor);
    const channel = input.channel ?? (isStaff(actor) ? 'staff' : CUSTOMER_CHANNEL);
    const uploads = input.attachmentIds?.length ? await takeUploads(actor, ticketId, input.attachmentIds) : undefined;
    try {
      const message = await addMessage(ticket, author, { body: input.body, visibility, channel, attachments: uploads?.attachments ?? [], ...(uploads ? { uploads } : {}) });
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
    const { ticket, wide } = await reachTicket(actor, ticketId);
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
};
